import HWCCore
import HWCDomain
import HWCRegister
import HWCRules
import HWCTemplates

/// The decision letter to the herder (`hwc letter ID`): what was decided and why, the assessed
/// lines, the explanation step by step under plain headings, and how to appeal.
///
/// Built once from the register; rendered as text through `templates/letter.LANG.txt` or as
/// JSON. The explanation, the rules' reasons and the lines' rates are worded from their stored
/// structure in the letter's language (`StepWords`); the committee's and the appeal's reasons
/// are the officer's own words, printed as recorded.
public struct DecisionLetter: Sendable, Equatable {
  /// What the letter tells the herder.
  public enum Decision: String, Sendable {
    /// Nothing is decided yet: registered, inspected, or reopened by an appeal.
    case pending
    /// Assessed as eligible for an amount; the committee has not yet approved it.
    case eligible
    /// The rules found it ineligible (`reason`).
    case ineligible
    /// The committee rejected it (`reason`).
    case rejected
    /// Approved: the amount is reserved and awaits payment.
    case approved
    /// Paid (`payment`).
    case paid
    /// Withdrawn.
    case withdrawn
  }

  /// One assessed line: item, quantity used, rate as recorded, amount.
  public struct Line: Sendable, Equatable {
    public let item: DocumentItem
    /// The rate as the rules wrote it, e.g. `12 MRP × 4,325 KZT` or `7,000 KGS × 80%`.
    public let rate: String
    public let amountMinor: Int
    /// Why the line is what it is, as recorded (English).
    public let note: String
  }

  /// One step of the explanation, its lines under a plain heading.
  public struct Step: Sendable, Equatable {
    public let step: ExplanationStep
    /// The lines as the rules engine recorded them: rule, values and English text.
    public let lines: [ExplanationLine]
  }

  /// The payment of a paid complaint.
  public typealias Payment = ComplaintDocumentFacts.Payment

  /// Who pays, as the letter names it: a district budget for a year (kz-state) or a
  /// conservancy's buffer fund.
  public struct Payer: Sendable, Equatable {
    /// `budget` or `fund`.
    public let kind: String
    public let name: LocalizedName
    /// The budget year (the incident's year); nil for a fund.
    public let year: Int?

    /// The letter's words for `payer`.
    init(_ payer: HWCRules.Payer) {
      self.init(kind: payer.kind.rawValue, name: payer.place, year: payer.year)
    }

    init(kind: String, name: LocalizedName, year: Int?) {
      self.kind = kind
      self.name = name
      self.year = year
    }
  }

  /// Days a herder has to appeal after a decision.
  public static let appealDays = 30

  /// The day the letter was printed.
  public let date: String
  public let complaint: DocumentComplaint
  public let decision: Decision
  /// The day of the decision the letter reports (the payment's day for a paid complaint).
  public let decidedOn: String?
  /// Why: the rules' reason (ineligible), the committee's (rejected), or the appeal's (pending
  /// after an appeal), as recorded.
  public let reason: String?
  /// The rules' reason as a code, when ineligible.
  public let reasonCode: ReasonCode?
  /// The scheme the assessment applied, when assessed.
  public let scheme: Scheme?
  public let currency: String
  /// The assessed amount (0 when ineligible or not assessed); the amount paid when paid.
  public let amountMinor: Int
  public let payment: Payment?
  public let payer: Payer?
  /// The incident date whose rules applied, when assessed.
  public let policyDate: String?
  public let lines: [Line]
  public let explanation: [Step]
  /// The last day to appeal, when the decision can be appealed.
  public let appealBy: String?
  /// Where to appeal: the conservancy (kg-buffer) or the district office.
  public let office: LocalizedName
  /// True when `office` is a conservancy.
  public let officeIsConservancy: Bool
  /// The audit chain's head when the letter was printed (`N:HASH`, see `AuditAnchor`).
  public let anchor: String?
  /// The reference names the explanation's values point at.
  public let names: StepNames

  /// The letter for complaint `code` as the register holds it today; an unknown id is refused
  /// naming the `ID` argument.
  public static func build(_ register: Register, code: String) throws -> DecisionLetter {
    let facts = try register.complaintDocument(code: code)
    let complaint = DocumentComplaint(facts, register.reference, zone: register.officeZone)
    let decision: Decision =
      switch complaint.status {
      case .assessed: .eligible
      case .ineligible: .ineligible
      case .rejected: .rejected
      case .approved: .approved
      case .paid: .paid
      case .withdrawn: .withdrawn
      case .registered, .inspected, .appealed: .pending
      }
    let latest = facts.events.last { $0.status == complaint.status }
    let payment = facts.payment
    let assessed = ![.pending, .withdrawn].contains(decision)
    let stored = assessed ? try register.latestAssessment(code: complaint.code)?.assessment : nil

    let reason: String? =
      switch complaint.status {
      case .ineligible: stored?.reason
      case .rejected, .appealed: latest?.reason
      default: nil
      }
    let decidedOn =
      decision == .paid
      ? payment?.paidOn
      : (decision == .pending
        ? nil : latest.map { register.officeZone.localDate(ofTimestamp: $0.at)?.description ?? "" })
    let appealBy =
      complaint.status.isAppealable
      ? decidedOn.flatMap(CalendarDate.init)?.adding(days: appealDays).description : nil

    let reference = register.reference
    let lines = (stored?.lines ?? []).map {
      Line(
        item: DocumentComplaint.item(reference, $0.item, $0.quantityCenti), rate: $0.rate,
        amountMinor: $0.amountMinor, note: $0.note)
    }
    let conservancyIsPayer: Bool
    if case .fund = facts.coverage.payer {
      conservancyIsPayer = true
    } else {
      conservancyIsPayer = false
    }
    let payer = facts.coverage.payer.map(Payer.init)
    return DecisionLetter(
      date: register.clock.today.description, complaint: complaint, decision: decision,
      decidedOn: decidedOn, reason: reason,
      reasonCode: complaint.status == .ineligible ? stored?.reasonCode : nil,
      scheme: stored?.scheme,
      currency: stored?.currency ?? facts.coverage.currency,
      amountMinor: payment?.amountMinor ?? stored?.amountMinor ?? 0, payment: payment,
      payer: payer, policyDate: stored?.policyDate.description, lines: lines,
      explanation: steps(stored?.explanation ?? []), appealBy: appealBy,
      office: conservancyIsPayer ? complaint.conservancy ?? complaint.district : complaint.district,
      officeIsConservancy: conservancyIsPayer && complaint.conservancy != nil,
      anchor: try register.auditAnchor()?.description, names: StepNames(reference))
  }

  /// The explanation's lines grouped into consecutive steps under their headings.
  static func steps(_ explanation: [ExplanationLine]) -> [Step] {
    var steps: [Step] = []
    for line in explanation {
      if let last = steps.last, last.step == line.step {
        steps[steps.count - 1] = Step(step: line.step, lines: last.lines + [line])
      } else {
        steps.append(Step(step: line.step, lines: [line]))
      }
    }
    return steps
  }

  /// What is or will be paid: the amount when eligible, approved or paid; 0 otherwise (a
  /// rejected complaint keeps its assessed `amountMinor` but is paid nothing).
  public var payableMinor: Int {
    [.eligible, .approved, .paid].contains(decision) ? amountMinor : 0
  }

  /// The sum of the assessed lines, before reduction, cap and minimum.
  public var subtotalMinor: Int { lines.reduce(0) { $0 + $1.amountMinor } }

  /// Width of wrapped recorded texts: they are printed indented by up to 8 columns.
  static let textWidth = 88

  /// The names and values `letter.LANG.txt` sees: the JSON's, with names and words in the
  /// language of `words`, the explanation, reason and rates worded from their structure,
  /// texts wrapped to the page, and how the letter is signed.
  public func context(words steps: StepWords, vocabulary words: Words) -> TemplateValue {
    let width = DecisionLetter.textWidth
    let rates = self.rates(steps)
    return TemplateValue(json).adding([
      "complaint": complaint.context(words),
      "reason_lines": reasonText(steps, words).map { DocumentText.wrapped($0, width: width) }
        ?? .null,
      "payer": payer.map {
        TemplateValue($0.json).adding(["name": .string(words.name($0.name))])
      }
        ?? .null,
      "lines": .list(
        zip(lines, rates).map { line, rate in
          TemplateValue(line.json).adding(
            line.item.localized(words).merging(["rate": .string(rate)]) { $1 })
        }),
      "explanation": .list(
        explanation(steps).map { step, texts in
          TemplateValue(step.json).adding([
            "heading": .string(words.step(step.step)),
            "texts": .list(texts.map { DocumentText.wrapped($0, width: width) }),
          ])
        }),
      "appeal_at": .string(words.name(office)),
      "office_is_conservancy": .bool(officeIsConservancy),
      "appeal_days": .integer(DecisionLetter.appealDays),
      "appeal_ended": .bool(appealBy.map { $0 < date } ?? false),
    ])
  }

  /// The letter as text in the language of `setup`.
  public func render(_ setup: ReportSetup) throws -> String {
    let steps = StepWords(words: try setup.words(), names: names)
    return try setup.render("letter", context(words: steps, vocabulary: setup.vocabulary))
  }

  /// The letter as one JSON document: codes, English names, amounts in minor units, the
  /// national ID masked.
  public var json: JSON {
    .object([
      ("document", .string("letter")), ("date", .string(date)),
      ("complaint", .object(complaint.json)), ("decision", .string(decision.rawValue)),
      ("decided_on", .optional(decidedOn)), ("reason", .optional(reason)),
      ("currency", .string(currency)), ("amount_minor", .int(amountMinor)),
      ("subtotal_minor", .int(subtotalMinor)), ("payable_minor", .int(payableMinor)),
      ("payment", payment?.json ?? .null), ("payer", payer?.json ?? .null),
      ("policy_date", .optional(policyDate)), ("lines", .array(lines.map(\.json))),
      ("explanation", .array(explanation.map(\.json))),
      ("appeal_by", .optional(appealBy)), ("appeal_at", .string(office.en)),
      ("anchor", .optional(anchor)),
    ])
  }
}

extension DecisionLetter.Payment {
  var json: JSON {
    .object([
      ("reference", .string(reference)), ("paid_on", .string(paidOn)),
      ("amount_minor", .int(amountMinor)),
    ])
  }
}

extension DecisionLetter.Payer {
  var json: JSON {
    .object([("kind", .string(kind)), ("name", .string(name.en)), ("year", .optional(year))])
  }
}

extension DecisionLetter.Line {
  var json: JSON {
    .object(
      item.fields + [
        ("rate", .string(rate)), ("amount_minor", .int(amountMinor)), ("note", .string(note)),
      ])
  }
}

extension DecisionLetter.Step {
  var json: JSON {
    .object([("step", .string(step.rawValue)), ("lines", .array(lines.map { .string($0.text) }))])
  }
}
