import HWCCore

/// A scheme the rules engine assesses.
public enum Scheme: String, Sendable, CaseIterable, Codable {
  /// State compensation, Kazakhstan districts (KZT).
  case kzState = "kz-state"
  /// Conservancy buffer fund, Kyrgyz conservancies (KGS).
  case kgBuffer = "kg-buffer"

  public var currency: String { self == .kzState ? "KZT" : "KGS" }
}

/// One value of a policy parameter and the date it took effect.
///
/// Every value is a decimal with at most two places held as hundredths: 3,932 KZT is 393200,
/// 0.2 MRP is 20, 50 % is 5000, 3 days is 300.
public struct PolicyValue: Sendable, Hashable {
  public let scheme: Scheme
  public let key: String
  public let centi: Int
  public let effectiveFrom: CalendarDate

  public init(scheme: Scheme, key: String, centi: Int, effectiveFrom: CalendarDate) {
    self.scheme = scheme
    self.key = key
    self.centi = centi
    self.effectiveFrom = effectiveFrom
  }

  /// The value as written: `3932`, `0.2`, `12`.
  public var text: String { Decimal2.format(centi) }

  /// The value as a whole number (for values that are whole: days, KGS amounts).
  public var whole: Int { centi / 100 }
}

/// Why a policy value could not be found.
public enum PolicyError: Error, CustomStringConvertible, Equatable {
  /// No value of `key` is in force on `date`: never a silent 0.
  case missing(scheme: Scheme, key: String, date: CalendarDate)

  public var description: String {
    switch self {
    case .missing(let scheme, let key, let date):
      return "policy \(scheme.rawValue) has no value for '\(key)' in force on \(date)"
    }
  }
}

/// Every policy value of every scheme, as series of `[from, next from)` intervals.
public struct Policy: Sendable {
  private var series: [Scheme: [String: [PolicyValue]]] = [:]

  public init(_ values: [PolicyValue]) {
    for value in values {
      series[value.scheme, default: [:]][value.key, default: []].append(value)
    }
    for scheme in series.keys {
      for key in series[scheme]!.keys {
        series[scheme]![key]!.sort { $0.effectiveFrom < $1.effectiveFrom }
      }
    }
  }

  /// The value of `key` in force on `date`: the latest whose `effectiveFrom` is on or before it.
  public func value(_ scheme: Scheme, _ key: String, on date: CalendarDate) throws(PolicyError)
    -> PolicyValue
  {
    guard let values = series[scheme]?[key],
      let value = values.last(where: { $0.effectiveFrom <= date })
    else { throw .missing(scheme: scheme, key: key, date: date) }
    return value
  }

  /// Every key of a scheme with its value in force on `date` (keys without one are left out).
  public func inForce(_ scheme: Scheme, on date: CalendarDate) -> [PolicyValue] {
    (series[scheme] ?? [:]).keys.sorted().compactMap { try? value(scheme, $0, on: date) }
  }

  /// The whole series of one key, oldest first.
  public func history(_ scheme: Scheme, _ key: String) -> [PolicyValue] {
    series[scheme]?[key] ?? []
  }

  /// Every key of a scheme.
  public func keys(_ scheme: Scheme) -> [String] { (series[scheme] ?? [:]).keys.sorted() }
}
