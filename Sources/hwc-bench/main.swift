import Foundation
import HWCBench

// hwc-bench: the `make bench` harness (SPEC §11, issue #12). Generates a seeded N-row complaint
// CSV and its inspection forms, runs `hwc` (and the `sqlite3` tool, for the baselines) on a fresh
// register as child processes, and prints a table, then one JSON line.
//
// usage: hwc-bench [--rows N] [--hwc PATH] [--out DIR] [--decide N] [--seed S]

var options: [String: String] = [:]
var words = Array(CommandLine.arguments.dropFirst())
while words.count >= 2, words[0].hasPrefix("--") {
  options[String(words[0].dropFirst(2))] = words[1]
  words.removeFirst(2)
}
guard words.isEmpty,
  Set(options.keys).isSubset(of: ["rows", "hwc", "out", "decide", "seed"]),
  let rows = Int(options["rows"] ?? "1000000"), rows > 0,
  let seed = UInt64(options["seed"] ?? "20261130")
else {
  FileHandle.standardError.write(
    Data("usage: hwc-bench [--rows N] [--hwc PATH] [--out DIR] [--decide N] [--seed S]\n".utf8))
  exit(2)
}
func absolute(_ path: String) -> String {
  path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
}
// A share of the eligible complaints: 1 in 100 rows, 10 to 2,000 (each is three processes).
let decisions = Int(options["decide"] ?? "") ?? min(2_000, max(10, rows / 100))
let plan = BenchPlan(rows: rows, seed: seed)
var bench = BenchRun(
  plan: plan, hwc: absolute(options["hwc"] ?? ".build/release/hwc"),
  out: absolute(options["out"] ?? "bench-out"), decisions: decisions)
do {
  let figures = try bench.run()
  print("")
  print(figures.table)
  print(figures.json)
} catch {
  FileHandle.standardError.write(Data("hwc-bench: \(error)\n".utf8))
  exit(1)
}
