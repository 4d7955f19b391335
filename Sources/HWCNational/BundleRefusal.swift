/// A bundle `national accept` refuses: the reason (one sentence) and the office, when the
/// manifest named an enrolled one.
struct BundleRefusal: Error {
  let office: String?
  let reason: String
}
