import HWCRegister

/// What the national register reads from a bundle's manifest (`OfficeBundle.Manifest`, written
/// by `hwc office export`), in one place.
struct BundleFacts: Equatable {
  let office: String
  let export: Int
  let districts: [String]
  let conservancies: [String]
  let chainPosition: Int
  let chainHead: String
  let createdAt: String
  let snapshotBytes: Int
  let snapshotSHA256: String

  init(_ manifest: OfficeBundle.Manifest) {
    office = manifest.office
    export = manifest.export
    districts = manifest.districts.sorted()
    conservancies = manifest.conservancies.sorted()
    chainPosition = manifest.chainPosition
    chainHead = manifest.chainHead
    createdAt = manifest.createdAt
    snapshotBytes = manifest.snapshotBytes
    snapshotSHA256 = manifest.snapshotSHA256
  }
}
