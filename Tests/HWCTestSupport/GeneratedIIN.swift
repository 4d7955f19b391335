import HWCCore
import HWCDomain

/// Valid, distinct Kazakh IINs in a fixed order, for tests that need many claimants.
///
/// The people are born from 1 January of a year on: serials 0000–9999 count up first, then the
/// day (1–28), the month, the year. Serials for which no check digit exists are skipped.
public enum GeneratedIIN {
  /// The first `count` IINs of people of `sex` born from 1 January `year` on.
  public static func first(
    _ count: Int, bornFrom year: Int = 1960, sex: NationalID.Sex = .male
  ) -> [String] {
    var result: [String] = []
    result.reserveCapacity(count)
    var index = 0
    while result.count < count {
      let serial = index % 10_000
      let day = 1 + (index / 10_000) % 28
      let month = 1 + (index / 280_000) % 12
      let birth = CalendarDate(year: year + index / 3_360_000, month: month, day: day)!
      index += 1
      if let iin = NationalID.makeIIN(birth: birth, sex: sex, serial: serial) {
        result.append(iin)
      }
    }
    return result
  }
}
