/// Who acts on the national register: the national user's name and the process's OS account
/// and host, recorded with every entry of the national chain.
public struct NationalActor: Sendable, Equatable {
  public let name: String
  public let osUser: String?
  public let host: String?

  public init(name: String, osUser: String?, host: String?) {
    self.name = name
    self.osUser = osUser
    self.host = host
  }
}
