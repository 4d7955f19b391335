import HWCCore
import HWCDomain
import HWCRules
import HWCTemplates

/// The words documents print for codes the register stores: statuses, units, explanation steps,
/// fund sources, livestock classes and schemes, in English and Russian.
///
/// Reference names (districts, species, damage types, items) come from the register itself;
/// these are the few codes that have no reference table. Sentences and headings stay in the
/// templates, so a ministry rewords a document without recompiling.
enum DocumentWords {
  /// The status of a complaint as a herder reads it.
  static let statuses: [ComplaintStatus: LocalizedName] = [
    .registered: LocalizedName(en: "registered", ru: "зарегистрирована"),
    .inspected: LocalizedName(en: "inspected", ru: "обследована"),
    .assessed: LocalizedName(en: "assessed, awaiting approval", ru: "оценена, ждёт одобрения"),
    .approved: LocalizedName(en: "approved, awaiting payment", ru: "одобрена, ждёт выплаты"),
    .paid: LocalizedName(en: "paid", ru: "выплачена"),
    .rejected: LocalizedName(en: "rejected", ru: "отклонена"),
    .ineligible: LocalizedName(en: "not eligible", ru: "не подлежит компенсации"),
    .withdrawn: LocalizedName(en: "withdrawn", ru: "отозвана"),
    .appealed: LocalizedName(en: "under appeal", ru: "обжалована, рассматривается повторно"),
  ]

  /// Units of rate items, short enough for a table column.
  static let units: [String: LocalizedName] = [
    "head": LocalizedName(en: "head", ru: "гол."),
    "hectare": LocalizedName(en: "ha", ru: "га"),
    "tonne": LocalizedName(en: "t", ru: "т"),
    "point_day": LocalizedName(en: "point-days", ru: "водопое-дн."),
  ]

  /// Plain headings for the steps of an assessment's explanation (SPEC §5).
  static let steps: [ExplanationStep: LocalizedName] = [
    .eligibility: LocalizedName(en: "Is the loss covered?", ru: "Подлежит ли ущерб компенсации"),
    .lines: LocalizedName(
      en: "Value of the verified losses", ru: "Стоимость подтверждённых потерь"),
    .reduction: LocalizedName(
      en: "Reduction for unprotected livestock", ru: "Снижение за неохраняемый скот"),
    .cap: LocalizedName(en: "Yearly limit per household", ru: "Годовой предел на одно хозяйство"),
    .minimum: LocalizedName(en: "Smallest amount paid", ru: "Минимальная выплата"),
    .payer: LocalizedName(en: "Who pays", ru: "Кто платит"),
  ]

  /// Where contributions to a buffer fund came from (`hwc fund contribute --source`).
  static let sources: [String: LocalizedName] = [
    "donor": LocalizedName(en: "donors", ru: "доноры"),
    "state": LocalizedName(en: "the state", ru: "государство"),
    "premium": LocalizedName(
      en: "premiums collected outside hwc", ru: "взносы, собранные вне hwc"),
  ]

  /// Livestock classes, plural.
  static let classes: [String: LocalizedName] = [
    "sheep_goat": LocalizedName(en: "sheep and goats", ru: "овцы и козы"),
    "cattle": LocalizedName(en: "cattle", ru: "крупный рогатый скот"),
    "horse": LocalizedName(en: "horses", ru: "лошади"),
    "camel": LocalizedName(en: "camels", ru: "верблюды"),
    "yak": LocalizedName(en: "yaks", ru: "яки"),
  ]

  /// The compensation schemes (SPEC §5).
  static let schemes: [String: LocalizedName] = [
    "kz-state": LocalizedName(en: "state compensation", ru: "государственная компенсация"),
    "kg-buffer": LocalizedName(
      en: "conservancy buffer fund", ru: "страховой (буферный) фонд заказника"),
  ]

  /// The word for `code` in `table`, in `lang`; the code itself when the table lacks it.
  static func word(_ table: [String: LocalizedName], _ code: String, _ lang: String) -> String {
    table[code]?.localized(lang) ?? code
  }

  /// Hundredths as a grouped decimal in the locale: 355000 → `3,550` or `3 550`; 3550 → `35.5`
  /// or `35,5`.
  static func quantity(_ centi: Int, _ locale: TemplateLocale) -> String {
    let plain = Decimal2.format(centi)
    let parts = plain.split(separator: ".", maxSplits: 1)
    let whole = Array(parts[0].hasPrefix("-") ? parts[0].dropFirst() : parts[0])
    var text = centi < 0 ? "-" : ""
    for (index, digit) in whole.enumerated() {
      if index > 0 && (whole.count - index) % 3 == 0 { text += locale.groupingSeparator }
      text.append(digit)
    }
    if parts.count == 2 { text += locale.decimalSeparator + parts[1] }
    return text
  }

  /// Breaks `text` into lines of at most `width` characters at spaces; a word longer than
  /// `width` is split. Documents print long recorded texts (reasons, explanations) this way so
  /// that no line is wider than an A4 page.
  static func wrap(_ text: String, width: Int) -> [String] {
    precondition(width > 0, "wrap needs a positive width")
    var lines: [String] = []
    var current = ""
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
      var word = Substring(word)
      while word.count > width {
        if !current.isEmpty {
          lines.append(current)
          current = ""
        }
        lines.append(String(word.prefix(width)))
        word = word.dropFirst(width)
      }
      if current.isEmpty {
        current = String(word)
      } else if current.count + 1 + word.count <= width {
        current += " " + word
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }

  /// Wrapped lines as a template list.
  static func wrapped(_ text: String, width: Int) -> TemplateValue {
    .list(wrap(text, width: width).map(TemplateValue.string))
  }

  /// A `YYYY-MM-DDTHH:MM:SSZ` timestamp's date.
  static func date(ofTimestamp timestamp: String) -> String { String(timestamp.prefix(10)) }
}

extension TemplateValue {
  /// A string, or null when there is none.
  static func optional(_ text: String?) -> TemplateValue { text.map(TemplateValue.string) ?? .null }
}
