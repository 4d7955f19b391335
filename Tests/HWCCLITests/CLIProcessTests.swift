import Foundation
import HWCCLI
import HWCDomain
import HWCStore
import HWCTestSupport
import Testing

/// The real `hwc` executable run as a process: a 100,000-row import in bounded memory.
///
/// Memory is the child's `VmHWM`, sampled from `/proc` while it runs. `getrusage(RUSAGE_CHILDREN)`
/// cannot measure it on Linux: `Process` starts children with `posix_spawn`, which borrows this
/// test process's address space until `exec`, and the kernel charges the child with that
/// space's peak, so `ru_maxrss` reports the test runner's memory whenever it is the larger.
@Suite struct CLIProcessTests {
  /// What a child process did: exit status, output, and its peak resident set in KiB.
  struct Child {
    let code: Int32
    let out: String
    let err: String
    /// The child's own peak resident set (`VmHWM`), sampled from `/proc` while it ran.
    let peakKiB: Int?
  }

  /// Runs `hwc` as a child process, its output going to files, sampling its memory as it runs.
  static func run(_ executable: String, _ arguments: [String], output: String) throws -> Child {
    let child = try ChildProcess(executable, arguments, output: output)
    // VmHWM only grows, so the last sample misses at most the final few milliseconds.
    var peak: Int?
    while child.process.isRunning {
      if let sample = highWaterMarkKiB(pid: child.process.processIdentifier) {
        peak = max(peak ?? 0, sample)
      }
      usleep(10_000)
    }
    let outcome = try child.wait()
    return Child(code: outcome.code, out: outcome.out, err: outcome.err, peakKiB: peak)
  }

  /// `VmHWM` of a running `hwc`: the peak resident set of its own address space, in KiB.
  static func highWaterMarkKiB(pid: Int32) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
    else { return nil }
    let lines = status.split(separator: "\n")
    guard lines.contains("Name:\thwc"),
      let line = lines.first(where: { $0.hasPrefix("VmHWM:") })
    else { return nil }
    let fields = line.split { $0 == " " || $0 == "\t" }
    return fields.count == 3 ? Int(fields[1]) : nil
  }

  /// The largest `ru_maxrss` of any child waited for so far, in KiB: on Linux at least the test
  /// process's own peak (see above), so only printed there, for comparison.
  static func childrenMaxRSSKiB() -> Int {
    var usage = rusage()
    #if os(Linux)
      getrusage(RUSAGE_CHILDREN.rawValue, &usage)
      return usage.ru_maxrss
    #else
      getrusage(RUSAGE_CHILDREN, &usage)
      return usage.ru_maxrss / 1024
    #endif
  }

  /// A complaint CSV of `count` valid rows, each adding a new claimant, alternating districts.
  static func csv(rows count: Int) -> String {
    var text = Workspace.csvHeader
    text.reserveCapacity(count * 110)
    let types = [
      ("hay_loss", "hay=3"), ("pasture_trampling", "pasture.light=12.5"),
      ("crop_invasion", "crop.fodder=2"), ("water_depletion", "water.point_day=4"),
    ]
    for (row, iin) in GeneratedIIN.first(count, bornFrom: 1965, sex: .female).enumerated() {
      let (type, items) = types[row % types.count]
      text += "P-\(row),\(iin),Herder \(row),\(row % 2 == 0 ? "Kaztalov" : "Zhanibek"),,"
      text += "Village \(row % 50),\(type),saiga,2024-05-01,2024-05-03,\(items)\n"
    }
    return text
  }

  @Test func aHundredThousandRowImportRunsInMemoryThatDoesNotGrowWithTheFile() throws {
    guard let hwc = ChildProcess.hwc() else {
      let bundle = CommandLine.arguments.first ?? "?"
      Issue.record(
        "the hwc executable was not found next to the test bundle (\(bundle)); build it first")
      return
    }
    let workspace = Workspace()
    var peaks: [Int: Int] = [:]
    var rusagePeak = 0
    for count in [10_000, 100_000] {
      let db = workspace.path("register-\(count).sqlite")
      workspace.ok(["init", "--db", db])
      workspace.ok(["user", "add", "national", "--role", "officer", "--as", "admin", "--db", db])
      let csv = try workspace.write("field-\(count).csv", Self.csv(rows: count))
      let child = try Self.run(
        hwc,
        workspace.withSecrets(
          ["complaint", "import", csv, "--db", db, "--as", "national"], environment: [:]),
        output: workspace.path("import-\(count)"))
      rusagePeak = Self.childrenMaxRSSKiB()
      #expect(child.code == 0, "\(child.err)")
      let lines = child.out.split(separator: "\n")
      #expect(lines.count == count + 1)
      #expect(lines.first == "field-\(count).csv:2  P-0  KAZ-2024-0001  new")
      #expect(
        lines.last == "imported \(count) complaints from \(count) rows, \(count) new claimants")
      #if os(Linux)
        let peak = try #require(child.peakKiB, "no memory sample of hwc importing \(count) rows")
      #else
        let peak = rusagePeak  // no /proc; posix_spawn gives the child its own address space
      #endif
      peaks[count] = peak
      let raw = try Database(path: db, create: false)
      #expect(try raw.scalar(Int.self, "SELECT count(*) FROM complaint") == count)
      #expect(try raw.scalar(Int.self, "SELECT count(*) FROM claimant") == count)
      #expect(
        try raw.scalar(
          Int.self,
          "SELECT count(*) FROM complaint WHERE external_ref = ?", with: ["P-\(count - 1)"]) == 1)
    }
    let small = peaks[10_000] ?? 0
    let large = peaks[100_000] ?? 0
    print(
      "hwc complaint import peak RSS (VmHWM): 10,000 rows \(small) KiB, 100,000 rows \(large) KiB"
        + " (getrusage children, an upper bound: \(rusagePeak) KiB)")
    #expect(large < 150 * 1024, "peak RSS \(large) KiB for 100,000 rows")
    #expect(large < small + 40 * 1024, "peak RSS grew from \(small) KiB to \(large) KiB")
  }
}
