import HWCCore
import HWCDomain
import HWCRules
import HWCTemplates

/// One word in every language it is known in: language code → text.
public struct Word: Sendable, Hashable, ExpressibleByDictionaryLiteral {
  /// The text per language (`en`, `ru`, …); English is always there.
  public let texts: [String: String]

  public init(dictionaryLiteral elements: (String, String)...) {
    texts = Dictionary(uniqueKeysWithValues: elements)
    precondition(texts["en"] != nil, "every word has an English text")
  }

  /// The text in `lang`; English when the language lacks it.
  public func text(_ lang: String) -> String { texts[lang] ?? texts["en"]! }
}

/// The words reports and documents print for the codes the register stores, in one table for
/// every language: one lookup per concept, keyed by its type.
///
/// Reference names (districts, species, damage types, items) come from the register itself;
/// these are the codes that have no reference table. Sentences and headings stay in the
/// templates, so a ministry rewords a document without recompiling. English and Russian are the
/// entries below; any other language is a words file (`WordBook`, `templates/words.LANG.txt`)
/// with the same keys (`status.paid`), looked up word by word and falling back to Russian, then
/// English.
public struct Words: Sendable {
  /// The language looked up: `en`, `ru`, or one with a words file.
  public let lang: String
  /// The words file of a language without built-in entries; nil for English and Russian.
  public let book: WordBook?

  /// How numbers, amounts, dates and counted units are written in the language.
  public let locale: TemplateLocale

  /// The words of `lang`, from `book` when it is not English or Russian; `locale` from the
  /// language's words file (`ReportSetup` passes it), else English's or Russian's.
  public init(lang: String, book: WordBook? = nil, locale: TemplateLocale? = nil) {
    self.lang = lang
    self.book = book
    self.locale = locale ?? (lang == "en" ? .english : .russian)
  }

  /// How numbers are written in the language.
  public var numbers: NumberStyle { locale.numbers }

  /// The text of `word` in this language: the built-in entry, else the words file's `key`, else
  /// Russian, else English.
  func text(_ key: String, _ word: Word) -> String {
    word.texts[lang] ?? book?.text(key) ?? word.texts["ru"] ?? word.text("en")
  }

  /// A reference name (district, region, conservancy, species, damage type, item) in this
  /// language: the words file's text under the name's key, else Russian.
  public func name(_ name: LocalizedName) -> String {
    switch lang {
    case "en": return name.en
    case "ru": return name.ru
    default: return (name.key.isEmpty ? nil : book?.text(name.key)) ?? name.ru
    }
  }

  /// The status of a complaint as a herder reads it.
  public func status(_ status: ComplaintStatus) -> String {
    text("status." + status.rawValue, Words.statuses[status]!)
  }

  /// Why a complaint is ineligible; nil (no recorded code) is "other".
  public func reason(_ code: ReasonCode?) -> String {
    guard let code, let word = Words.reasons[code] else {
      return text("reason.other", Words.otherReason)
    }
    return text("reason." + code.rawValue, word)
  }

  /// The plain heading of an explanation step (SPEC §5).
  public func step(_ step: ExplanationStep) -> String {
    text("heading." + step.rawValue, Words.steps[step]!)
  }

  /// A livestock class, plural.
  public func livestock(_ livestockClass: LivestockClass) -> String {
    text("livestock." + livestockClass.rawValue, Words.livestockClasses[livestockClass]!)
  }

  /// A unit, short enough for a table column.
  public func unit(_ unit: QuantityUnit) -> String {
    text("unit." + unit.rawValue, Words.units[unit]!)
  }

  /// A unit written as stored (`head`, `point_day`, …); the code itself when it is unknown.
  public func unit(code: String) -> String { QuantityUnit(rawValue: code).map(unit) ?? code }

  /// A group of verified losses: the livestock class, or what was lost of land, hay or water.
  public func loss(_ group: LossGroup) -> String {
    switch group {
    case .livestock(let livestockClass): livestock(livestockClass)
    case .pasture, .crop, .hay, .water: text("loss." + group.key, Words.losses[group]!)
    }
  }

  /// Why a complaint was flagged.
  public func flag(_ kind: FlagKind) -> String { text("flag." + kind.rawValue, Words.flags[kind]!) }

  /// A processing stage: `report → inspection`.
  public func stage(_ stage: ProcessingStage) -> String {
    text("stage." + stage.rawValue, Words.stages[stage]!)
  }

  /// A figure compared over time.
  public func trend(_ figure: TrendFigure) -> String {
    text("trend." + figure.rawValue, Words.trends[figure]!)
  }

  /// Where a fund contribution came from.
  public func source(_ source: FundSource) -> String {
    text("source." + source.rawValue, Words.sources[source]!)
  }

  /// A compensation scheme.
  public func scheme(_ scheme: Scheme) -> String {
    text("scheme." + scheme.rawValue, Words.schemes[scheme]!)
  }

  /// Who pays: `Kaztalov budget 2026`, `буферный фонд: Шамшы`.
  public func payer(_ kind: PayerKind, place: String, year: Int?) -> String {
    text("payer." + kind.rawValue, Words.payers[kind]!)
      .replacing("{place}", with: place)
      .replacing("{year}", with: year.map(String.init) ?? "")
  }

  /// Hundredths as a grouped number in this language: `1,234.5` / `1 234,5`.
  public func quantity(_ centi: Int) -> String { numbers.hundredths(centi) }

  /// The change from `before` to `after` as a signed percentage with one decimal, rounded half
  /// up; `—` when there was nothing before.
  public func change(from before: Int, to after: Int) -> String {
    guard before != 0 else { return after == 0 ? numbers.decimal(0, fraction: "0") + "%" : "—" }
    let delta = after - before
    let tenths = UInt((abs(delta) * 2000 / abs(before) + 1) / 2)
    let sign = delta > 0 ? "+" : delta < 0 ? "−" : ""
    return sign + numbers.decimal(tenths / 10, fraction: String(tenths % 10)) + "%"
  }
}

extension Words {
  static let statuses: [ComplaintStatus: Word] = [
    .registered: ["en": "registered", "ru": "зарегистрирована"],
    .inspected: ["en": "inspected", "ru": "обследована"],
    .assessed: ["en": "assessed, awaiting approval", "ru": "оценена, ждёт одобрения"],
    .approved: ["en": "approved, awaiting payment", "ru": "одобрена, ждёт выплаты"],
    .paid: ["en": "paid", "ru": "выплачена"],
    .rejected: ["en": "rejected", "ru": "отклонена"],
    .ineligible: ["en": "not eligible", "ru": "не подлежит компенсации"],
    .withdrawn: ["en": "withdrawn", "ru": "отозвана"],
    .appealed: ["en": "under appeal", "ru": "обжалована, рассматривается повторно"],
  ]

  static let reasons: [ReasonCode: Word] = [
    .lateReport: ["en": "reported after the deadline", "ru": "заявлено после срока"],
    .notInspected: ["en": "not inspected", "ru": "осмотр не проводился"],
    .noVetCertificate: ["en": "no veterinary certificate", "ru": "нет ветеринарной справки"],
    .noEmergency: [
      "en": "saiga damage outside a declared emergency",
      "ru": "ущерб от сайгака вне режима чрезвычайной ситуации",
    ],
    .notCovered: [
      "en": "not covered by the scheme", "ru": "вид ущерба не покрывается схемой компенсации",
    ],
    .suspended: [
      "en": "payments suspended (conservation clause)",
      "ru": "выплаты приостановлены (природоохранное условие)",
    ],
    .notMember: [
      "en": "not an insured member", "ru": "не член заказника с оплаченным взносом",
    ],
    .belowMinimum: ["en": "below the minimum payment", "ru": "ниже минимальной выплаты"],
  ]

  static let otherReason: Word = ["en": "other", "ru": "прочее"]

  static let steps: [ExplanationStep: Word] = [
    .eligibility: ["en": "Is the loss covered?", "ru": "Подлежит ли ущерб компенсации?"],
    .lines: ["en": "Value of the verified losses", "ru": "Стоимость подтверждённых потерь"],
    .reduction: [
      "en": "Reduction for unprotected livestock", "ru": "Снижение за неохраняемый скот",
    ],
    .cap: ["en": "Yearly limit per household", "ru": "Годовой предел на одно хозяйство"],
    .minimum: ["en": "Smallest amount paid", "ru": "Минимальная выплата"],
    .payer: ["en": "Who pays", "ru": "Кто платит"],
  ]

  static let livestockClasses: [LivestockClass: Word] = [
    .sheepGoat: ["en": "sheep and goats", "ru": "овцы и козы"],
    .cattle: ["en": "cattle", "ru": "крупный рогатый скот"],
    .horse: ["en": "horses", "ru": "лошади"],
    .camel: ["en": "camels", "ru": "верблюды"],
    .yak: ["en": "yaks", "ru": "яки"],
  ]

  static let units: [QuantityUnit: Word] = [
    .head: ["en": "head", "ru": "голов"],
    .hectare: ["en": "ha", "ru": "га"],
    .tonne: ["en": "t", "ru": "т"],
    .pointDay: ["en": "point-days", "ru": "точко-дней"],
  ]

  static let losses: [LossGroup: Word] = [
    .pasture: ["en": "pasture trampled", "ru": "вытоптанные пастбища"],
    .crop: ["en": "crops lost", "ru": "потери посевов"],
    .hay: ["en": "hay lost", "ru": "потери сена"],
    .water: ["en": "water points unusable", "ru": "водопои выведены из строя"],
  ]

  static let flags: [FlagKind: Word] = [
    .nearDuplicate: [
      "en": "within 7 days of another", "ru": "не позднее 7 дней после другой",
    ],
    .aboveHerd: ["en": "more heads than declared", "ru": "больше голов, чем заявлено"],
  ]

  static let stages: [ProcessingStage: Word] = [
    .reportToInspection: ["en": "report → inspection", "ru": "заявление → осмотр"],
    .inspectionToDecision: ["en": "inspection → decision", "ru": "осмотр → решение"],
    .decisionToPayment: ["en": "decision → payment", "ru": "решение → выплата"],
    .reportToPayment: ["en": "report → payment", "ru": "заявление → выплата"],
  ]

  static let trends: [TrendFigure: Word] = [
    .complaints: ["en": "complaints registered", "ru": "зарегистрировано жалоб"],
    .heads: ["en": "livestock heads verified", "ru": "подтверждено голов скота"],
    .paidKZT: ["en": "paid, KZT", "ru": "выплачено, KZT"],
    .paidKGS: ["en": "paid, KGS", "ru": "выплачено, KGS"],
  ]

  static let sources: [FundSource: Word] = [
    .donor: ["en": "donors", "ru": "доноры"],
    .state: ["en": "the state", "ru": "государство"],
    .premium: [
      "en": "premiums collected outside hwc", "ru": "взносы, собранные вне реестра",
    ],
  ]

  static let schemes: [Scheme: Word] = [
    .kzState: ["en": "state compensation", "ru": "государственная компенсация"],
    .kgBuffer: ["en": "conservancy buffer fund", "ru": "страховой (буферный) фонд заказника"],
  ]

  /// Payer names with `{place}` and `{year}` filled in.
  static let payers: [PayerKind: Word] = [
    .budget: ["en": "{place} budget {year}", "ru": "{place} район, бюджет {year} г."],
    .fund: ["en": "{place} buffer fund", "ru": "страховой фонд заказника {place}"],
  ]
}
