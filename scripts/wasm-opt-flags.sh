# The wasm-opt optimization and features of the shipped module, in one place: build-pkg.sh ships a module made
# with them, and size.sh measures one made the same way (with its names kept). -Os, not -Oz: 1.4 KB smaller
# gzipped on this module, though 5 KB larger raw (measured 2026-12-01: -Oz shrinks the raw bytes in ways gzip
# compresses worse), and no slower in Node (the engine optimizes hot code).
WASM_OPT_FLAGS=(-Os --enable-bulk-memory --enable-reference-types --enable-multivalue
  --enable-nontrapping-float-to-int --enable-sign-ext)
