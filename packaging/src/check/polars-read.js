// Reads a tracekit opens export with Polars (nodejs-polars: Polars' own Rust Parquet reader) and prints what
// scripts/package-check.sh compares: rows, the failed opens of /etc/missing.conf, the types of ts_utc and path.
const pl = require("nodejs-polars");
const opens = pl.readParquet(process.argv[2]);
const missing = opens.filter(pl.col("path").eq(pl.lit("/etc/missing.conf")).and(pl.col("errno_name").eq(pl.lit("ENOENT"))));
console.log([opens.height, missing.height, String(opens.getColumn("ts_utc").dtype),
  String(opens.getColumn("path").dtype)].join(" "));
