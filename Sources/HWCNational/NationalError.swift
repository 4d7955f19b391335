/// Why a national command refused: one sentence, never SQL, a key or a secret.
public struct NationalError: Error, CustomStringConvertible, Equatable {
  /// The sentence shown to the user.
  public let description: String

  public init(_ description: String) { self.description = description }
}
