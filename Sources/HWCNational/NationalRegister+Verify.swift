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
    let recorded = try db.prepare(
      """
      SELECT o.code, a.replica_sha256 FROM office o
      JOIN acceptance a ON a.id = (SELECT max(id) FROM acceptance WHERE office_id = o.id)
      ORDER BY o.code
      """
    ).map([]) { (code: $0.text(0), sha: $0.text(1)) }
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
