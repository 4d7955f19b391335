import HWCCore
import HWCRegister

extension NationalRegister {
  /// One line of `national verify`: what was checked and its problem, nil when none.
  public struct VerifyItem: Sendable, Equatable {
    public let name: String
    public let problem: String?
  }

  /// The national chain against its rows, then each office's replica: present, byte for byte
  /// the one accepted (its SHA-256), and passing `check`.
  public func verify() throws -> [VerifyItem] {
    let chain = try verifyChain()
    var items = [
      VerifyItem(
        name: "national chain (\(NumberStyle.english.integer(chain.entries)) entries)",
        problem: chain.problem)
    ]
    let recorded = try offices().compactMap { office in
      office.replicaSHA256.map { (code: office.code, sha: $0) }
    }
    for (code, sha) in recorded {
      items.append(VerifyItem(name: "replica \(code)", problem: try replicaProblem(code, sha)))
    }
    return items
  }

  /// The first problem of office `code`'s replica, whose accepted SHA-256 is `sha`.
  private func replicaProblem(_ code: String, _ sha: String) throws -> String? {
    let path = folder.replica(code)
    guard let digest = NationalFolder.sha256(of: path) else { return "\(path) cannot be read" }
    guard SHA256.hex(digest) == sha else {
      return "\(path) is not the snapshot accepted (its SHA-256 differs)"
    }
    let failed = try Register.open(path: path, readOnly: true).check().first {
      $0.problem != nil
    }
    return failed.map { "\($0.name): \($0.problem ?? "")" }
  }
}
