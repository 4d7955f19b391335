/// A livestock class, in the order every report and document lists them.
public enum LivestockClass: String, Sendable, CaseIterable, Hashable {
  case sheepGoat = "sheep_goat"
  case cattle, horse, camel, yak
}

/// The unit a rate item is counted in (`item_kind.unit`).
public enum QuantityUnit: String, Sendable, CaseIterable, Hashable {
  case head, hectare, tonne
  case pointDay = "point_day"
}

/// How the quarterly report groups verified losses: heads by livestock class, then land, hay
/// and water by their item's first word.
public enum LossGroup: Sendable, Hashable, CaseIterable {
  case livestock(LivestockClass)
  case pasture, crop, hay, water

  public static var allCases: [LossGroup] {
    LivestockClass.allCases.map(LossGroup.livestock) + [.pasture, .crop, .hay, .water]
  }

  /// The group of a rate item: its livestock class, or the first word of its code.
  public init?(item code: String, livestockClass: String?) {
    if let livestockClass {
      guard let known = LivestockClass(rawValue: livestockClass) else { return nil }
      self = .livestock(known)
      return
    }
    switch code.split(separator: ".").first {
    case "pasture": self = .pasture
    case "crop": self = .crop
    case "hay": self = .hay
    case "water": self = .water
    default: return nil
    }
  }

  /// The key the report prints: `sheep_goat`, …, `water`.
  public var key: String {
    switch self {
    case .livestock(let livestockClass): livestockClass.rawValue
    case .pasture: "pasture"
    case .crop: "crop"
    case .hay: "hay"
    case .water: "water"
    }
  }

  /// What the group is counted in.
  public var unit: QuantityUnit {
    switch self {
    case .livestock: .head
    case .pasture, .crop: .hectare
    case .hay: .tonne
    case .water: .pointDay
    }
  }
}

/// Why a complaint was flagged for a second look (`complaint_flag.kind`).
public enum FlagKind: String, Sendable, CaseIterable, Hashable {
  case nearDuplicate = "near_duplicate"
  case aboveHerd = "above_herd"
}

/// A stage of processing the quarterly report times.
public enum ProcessingStage: String, Sendable, CaseIterable, Hashable {
  case reportToInspection = "report_to_inspection"
  case inspectionToDecision = "inspection_to_decision"
  case decisionToPayment = "decision_to_payment"
  case reportToPayment = "report_to_payment"
}

/// A figure the quarterly report compares with the previous quarter and a year before.
public enum TrendFigure: String, Sendable, CaseIterable, Hashable {
  case complaints, heads
  case paidKZT = "paid_KZT"
  case paidKGS = "paid_KGS"
}

/// Where a contribution to a buffer fund came from (`hwc fund contribute --source`).
public enum FundSource: String, Sendable, CaseIterable, Hashable {
  case donor, state, premium
}

/// Who pays a complaint: a district budget for a year, or a conservancy's buffer fund.
public enum PayerKind: String, Sendable, CaseIterable, Hashable {
  case budget, fund
}
