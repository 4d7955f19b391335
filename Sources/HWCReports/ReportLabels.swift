import HWCRules

/// The words a report computes (reasons, stages, categories) in English or Russian; fixed
/// headings live in the templates.
struct ReportLabels {
  let lang: String

  var ru: Bool { lang == "ru" }

  func reason(_ key: String) -> String {
    switch (key, ru) {
    case ("late_report", false): "reported after the deadline"
    case ("late_report", true): "подано после срока"
    case ("not_inspected", false): "not inspected"
    case ("not_inspected", true): "не проведён осмотр"
    case ("no_vet_certificate", false): "no veterinary certificate"
    case ("no_vet_certificate", true): "нет ветеринарной справки"
    case ("no_emergency", false): "saiga damage outside a declared emergency"
    case ("no_emergency", true): "ущерб от сайги вне режима ЧС"
    case ("not_covered", false): "not covered by the scheme"
    case ("not_covered", true): "не покрывается схемой"
    case ("suspended", false): "payments suspended (conservation clause)"
    case ("suspended", true): "выплаты приостановлены (природоохранное условие)"
    case ("not_member", false): "not an insured member"
    case ("not_member", true): "не застрахованный член"
    case ("below_minimum", false): "below the minimum payment"
    case ("below_minimum", true): "ниже минимальной выплаты"
    case (_, false): "other"
    case (_, true): "прочее"
    }
  }

  func stage(_ key: String) -> String {
    switch (key, ru) {
    case ("report_to_inspection", false): "report → inspection"
    case ("report_to_inspection", true): "заявление → осмотр"
    case ("inspection_to_decision", false): "inspection → decision"
    case ("inspection_to_decision", true): "осмотр → решение"
    case ("decision_to_payment", false): "decision → payment"
    case ("decision_to_payment", true): "решение → выплата"
    case ("report_to_payment", false): "report → payment"
    case ("report_to_payment", true): "заявление → выплата"
    default: key
    }
  }

  func loss(_ key: String) -> (name: String, unit: String) {
    switch (key, ru) {
    case ("sheep_goat", false): ("sheep and goats", "head")
    case ("sheep_goat", true): ("овцы и козы", "гол.")
    case ("cattle", false): ("cattle", "head")
    case ("cattle", true): ("КРС", "гол.")
    case ("horse", false): ("horses", "head")
    case ("horse", true): ("лошади", "гол.")
    case ("camel", false): ("camels", "head")
    case ("camel", true): ("верблюды", "гол.")
    case ("yak", false): ("yaks", "head")
    case ("yak", true): ("яки", "гол.")
    case ("pasture", false): ("pasture trampled", "ha")
    case ("pasture", true): ("вытоптанные пастбища", "га")
    case ("crop", false): ("crops lost", "ha")
    case ("crop", true): ("потери посевов", "га")
    case ("hay", false): ("hay lost", "t")
    case ("hay", true): ("потери сена", "т")
    case ("water", false): ("water points unusable", "point-days")
    case ("water", true): ("водопои выведены из строя", "точко-дней")
    default: (key, "")
    }
  }

  func flag(_ kind: String) -> String {
    switch (kind, ru) {
    case ("near_duplicate", false): "within 7 days of another"
    case ("near_duplicate", true): "в пределах 7 дней от другой"
    case ("above_herd", false): "more heads than declared"
    case ("above_herd", true): "больше голов, чем заявлено"
    default: kind
    }
  }

  func trend(_ key: String) -> String {
    switch (key, ru) {
    case ("complaints", false): "complaints registered"
    case ("complaints", true): "зарегистрировано жалоб"
    case ("heads", false): "livestock heads verified"
    case ("heads", true): "подтверждено голов скота"
    case ("paid_KZT", false): "paid, KZT"
    case ("paid_KZT", true): "выплачено, KZT"
    case ("paid_KGS", false): "paid, KGS"
    case ("paid_KGS", true): "выплачено, KGS"
    default: key
    }
  }

  func payer(kind: String, place: String, year: Int?) -> String {
    switch (kind, ru) {
    case ("budget", false): "\(place) budget \(year.map(String.init) ?? "")"
    case ("budget", true): "бюджет: \(place) \(year.map(String.init) ?? "")"
    case (_, false): "\(place) buffer fund"
    case (_, true): "буферный фонд: \(place)"
    }
  }

  /// Hundredths as a grouped number in this language: `1,234.5` / `1 234,5`.
  func quantity(_ centi: Int) -> String {
    localized(Arithmetic.centi(centi))
  }

  /// An English-written number (`1,234.5`) in this language's separators.
  func localized(_ text: String) -> String {
    guard ru else { return text }
    return String(text.map { $0 == "," ? "\u{202F}" : $0 == "." ? "," : $0 })
  }

  /// The change from `before` to `after` as a signed percentage with one decimal, rounded half
  /// up; `—` when there was nothing before.
  func change(from before: Int, to after: Int) -> String {
    guard before != 0 else { return after == 0 ? localized("0.0%") : "—" }
    let delta = after - before
    let tenths = (abs(delta) * 2000 / abs(before) + 1) / 2
    let sign = delta > 0 ? "+" : delta < 0 ? "−" : ""
    return sign + localized(Arithmetic.grouped(tenths / 10) + "." + String(tenths % 10) + "%")
  }
}
