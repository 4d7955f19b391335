import HWCCore

/// A generated person: name, sex and birth date (for the national ID).
struct DemoPerson {
  let first: String
  let last: String
  let female: Bool
  let birth: CalendarDate

  var fullName: String { "\(first) \(last)" }

  /// A login such as `a.bekova`.
  var login: String { "\(first.prefix(1).lowercased()).\(last.lowercased())" }
}

/// Kazakh and Kyrgyz given names and family names, in their usual Latin spelling.
enum DemoNames {
  static let kazakhMen = [
    "Yerlan", "Nurlan", "Serik", "Bolat", "Daulet", "Aidos", "Marat", "Kairat", "Askar", "Yerbol",
    "Temirlan", "Baurzhan", "Almas", "Dauren", "Berik", "Talgat", "Murat", "Ruslan", "Nurzhan",
    "Yerzhan", "Arman", "Azamat", "Bakhytzhan", "Kanat", "Sanzhar", "Zhandos", "Aibek", "Galym",
    "Asylbek", "Yerkebulan", "Abai", "Amangeldy", "Zhasulan", "Saken", "Erbolat", "Mukhtar",
  ]
  static let kazakhWomen = [
    "Aigerim", "Gulnara", "Saule", "Aizhan", "Dinara", "Zhanar", "Ainur", "Madina", "Assem",
    "Gulmira", "Aliya", "Botagoz", "Zhuldyz", "Raushan", "Kuralay", "Meruyert", "Akmaral",
    "Saltanat", "Bayan", "Gaukhar", "Aruzhan", "Zhibek", "Laura", "Dana", "Karlygash", "Symbat",
  ]
  static let kazakhFamilies = [
    "Bekov", "Sarsenov", "Omarov", "Tulegenov", "Abenov", "Zhaksylykov", "Nurpeisov",
    "Kenzhebaev", "Utepov", "Mukhametov", "Iskakov", "Karimov", "Akhmetov", "Baimukhanov",
    "Yessenov", "Suleimenov", "Tokhtarov", "Zhumabaev", "Kuanyshev", "Amanzholov", "Shaikenov",
    "Temirov", "Kaliyev", "Mendybaev", "Nurgaliev", "Ermekov", "Kairbekov", "Dzhangaliev",
    "Utegaliev", "Gubaidullin", "Kussainov", "Zhanuzakov", "Ismagulov", "Sagyndykov", "Bisenov",
    "Myrzagaliev", "Kadyrgaliev", "Imangaliev", "Tasbulatov", "Seitkaliev",
  ]
  static let kyrgyzMen = [
    "Bakyt", "Azamat", "Nurbek", "Almazbek", "Kubanychbek", "Talant", "Emil", "Ulan", "Bolot",
    "Mirlan", "Aibek", "Eldiyar", "Kanybek", "Tilek", "Adilet", "Chyngyz", "Ermek", "Janybek",
    "Temirbek", "Daniyar", "Melis", "Nurlan", "Sultan", "Urmat", "Asylbek", "Kylychbek", "Maksat",
    "Bekzhan", "Erlan", "Zhyrgalbek",
  ]
  static let kyrgyzWomen = [
    "Ainura", "Asel", "Gulzat", "Cholpon", "Nurgul", "Aizada", "Jyldyz", "Begimai", "Aigul",
    "Mahabat", "Kanykei", "Elnura", "Nazira", "Saikal", "Aida", "Meerim", "Gulnara", "Dinara",
    "Aiperi", "Burul", "Chynara", "Kalipa", "Toktokan", "Venera",
  ]
  static let kyrgyzFamilies = [
    "Toktogulov", "Abdyldaev", "Asanov", "Usenov", "Mamatov", "Sydykov", "Zhumabekov",
    "Bekmurzaev", "Osmonov", "Kadyrov", "Sadyrbaev", "Turdumambetov", "Akmatov", "Musaev",
    "Ismailov", "Temirkulov", "Jeenbekov", "Duishenbaev", "Sarybaev", "Kasymaliev", "Esenaliev",
    "Omurbekov", "Alymkulov", "Ryskulov", "Beishenaliev", "Chotonov", "Mambetaliev", "Toktosunov",
    "Abdrakhmanov", "Satybaldiev", "Kurmanaliev", "Japarov",
  ]

  /// A person of `country`: a Kazakh or Kyrgyz name, a woman about a third of the time, born
  /// between `years`.
  static func person(
    _ country: Country, _ rng: inout SplitMix64, years: ClosedRange<Int> = 1950...2000
  ) -> DemoPerson {
    let female = rng.chance(0.32)
    let first: String
    let family: String
    switch country {
    case .kz:
      first = rng.pick(female ? kazakhWomen : kazakhMen)
      family = rng.pick(kazakhFamilies)
    case .kg:
      first = rng.pick(female ? kyrgyzWomen : kyrgyzMen)
      family = rng.pick(kyrgyzFamilies)
    }
    let year = rng.int(years)
    let month = rng.int(1...12)
    let day = rng.int(1...CalendarDate.daysIn(month: month, year: year))
    return DemoPerson(
      first: first, last: female ? feminine(family) : family, female: female,
      birth: CalendarDate(year: year, month: month, day: day)!)
  }

  /// The feminine form of a family name: Bekov → Bekova, Kaliyev → Kaliyeva, Gubaidullin →
  /// Gubaidullina.
  static func feminine(_ family: String) -> String {
    family.hasSuffix("ov") || family.hasSuffix("ev") || family.hasSuffix("in")
      ? family + "a" : family
  }
}
