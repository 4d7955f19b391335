import HWCDomain

/// Who pays a loss: a district's budget for the incident's year (kz-state) or a conservancy's
/// buffer fund (kg-buffer). A value with its owner, place and year, never a code to split.
public enum Payer: Sendable, Hashable {
  case budget(district: District, year: Int)
  case fund(conservancy: Conservancy)

  /// The place whose money it is: the district or the conservancy.
  public var place: LocalizedName {
    switch self {
    case .budget(let district, _): district.name
    case .fund(let conservancy): conservancy.name
    }
  }

  /// The budget year; nil for a fund (funds carry over from season to season).
  public var year: Int? {
    switch self {
    case .budget(_, let year): year
    case .fund: nil
    }
  }

  /// The scheme whose payouts this payer makes: a budget pays kz-state, a fund kg-buffer.
  public var scheme: Scheme {
    switch self {
    case .budget: .kzState
    case .fund: .kgBuffer
    }
  }

  /// The currency the payer pays in.
  public var currency: String { scheme.currency }

  /// The payer as the explanation names it: `Kaztalov budget 2026`, `Shamshy buffer fund`.
  public var name: String {
    switch self {
    case .budget(let district, let year): "\(district.name.en) budget \(year)"
    case .fund(let conservancy): "\(conservancy.name.en) buffer fund"
    }
  }
}

/// Which scheme applies to a loss and who pays it (SPEC §5): decided here once, for the rules,
/// the ledger and every document.
public struct Coverage: Sendable, Hashable {
  /// The scheme whose rules assess the loss: kz-state in Kazakhstan, kg-buffer in Kyrgyzstan.
  public let scheme: Scheme
  /// Who pays; nil when no scheme pays losses there (Kyrgyzstan outside a conservancy).
  public let payer: Payer?

  /// The coverage of a loss in `district` (and `conservancy`, where it happened in one) in
  /// `incidentYear`.
  public init(district: District, conservancy: Conservancy?, incidentYear: Int) {
    switch district.country {
    case .kz:
      scheme = .kzState
      payer = .budget(district: district, year: incidentYear)
    case .kg:
      scheme = .kgBuffer
      payer = conservancy.map { .fund(conservancy: $0) }
    }
  }

  /// The currency the scheme pays in.
  public var currency: String { scheme.currency }
}
