# The wasm-opt optimization and features of the shipped module, in one place: build-pkg.sh ships a module made
# with them, and size.sh measures one made the same way (with its names kept). -Os, not -Oz: 1.4 KB smaller
# gzipped on this module, though 5 KB larger raw (measured 2026-12-01: -Oz shrinks the raw bytes in ways gzip
# compresses worse), and no slower in Node (the engine optimizes hot code). --low-memory-unused: the lowest 1 KB
# of memory is the far end of the 1 MB stack, which Rust's wasm32 layout reaches only when the stack is all but
# overflowed, so wasm-opt may fold constant offsets into loads and stores: 1.9 KB smaller gzipped (measured
# 2026-12-01; --converge would take 0.2 KB more for twice the optimizing time, not taken).
WASM_OPT_FLAGS=(-Os --low-memory-unused --enable-bulk-memory --enable-reference-types --enable-multivalue
  --enable-nontrapping-float-to-int --enable-sign-ext)
