//! Compresses the built SPA once, at build time: `<file>.br` (brotli quality 11) and `<file>.gz`
//! (gzip level 9) beside each text or wasm file in `dist/`, which the server sends as they are.

use std::path::Path;

use crate::{cmd, run};

/// The files worth compressing; images other than SVG are compressed already.
const EXTENSIONS: &str = "wasm|js|css|html|svg|json";

/// Writes the compressed twins of every file in `dir` (node's zlib, installed with npm).
pub fn dir(dir: &Path) -> Result<(), String> {
    let script = format!(
        "const z=require('zlib'),fs=require('fs'),p=require('path');\
         const walk=d=>{{for(const f of fs.readdirSync(d)){{const x=p.join(d,f);\
         if(fs.statSync(x).isDirectory()){{walk(x);continue}}\
         if(!/\\.({EXTENSIONS})$/.test(f))continue;\
         const b=fs.readFileSync(x);\
         fs.writeFileSync(x+'.br',z.brotliCompressSync(b,{{params:{{\
         [z.constants.BROTLI_PARAM_QUALITY]:11,[z.constants.BROTLI_PARAM_SIZE_HINT]:b.length}}}}));\
         fs.writeFileSync(x+'.gz',z.gzipSync(b,{{level:9}}))}}}};\
         walk(process.argv[1])"
    );
    run(cmd("node", &["-e", &script, &dir.to_string_lossy()]))
}
