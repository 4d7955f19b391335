import HWCTemplates
import Testing

private let nnbsp = "\u{202F}"

@Suite("Filters")
struct TemplateFilterTests {
  @Test(arguments: [
    (0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (-999, "-999"), (-1000, "-1,000"),
    (9999, "9,999"), (99_999, "99,999"), (100_000, "100,000"), (999_999, "999,999"),
    (1_000_000, "1,000,000"), (1_234_567, "1,234,567"), (-1_234_567, "-1,234,567"),
    (Int.max, "9,223,372,036,854,775,807"), (Int.min, "-9,223,372,036,854,775,808"),
  ])
  func number(value: Int, expected: String) throws {
    #expect(try apply("number", to: .integer(value)) == expected)
  }

  @Test func numberUsesTheLocaleSeparator() throws {
    #expect(try apply("number", to: 1_234_567, locale: .russian) == "1\(nnbsp)234\(nnbsp)567")
    let plain = TemplateLocale(
      groupingSeparator: " ", decimalSeparator: ",", monthNames: TemplateLocale.russian.monthNames)
    #expect(try apply("number", to: 1_234_567, locale: plain) == "1 234 567")
    let none = TemplateLocale(
      groupingSeparator: "", decimalSeparator: ".", monthNames: TemplateLocale.english.monthNames)
    #expect(try apply("number", to: 1_234_567, locale: none) == "1234567")
  }

  @Test(arguments: [
    (0, "0 KZT"), (1, "0.01 KZT"), (10, "0.10 KZT"), (99, "0.99 KZT"), (100, "1 KZT"),
    (-5, "-0.05 KZT"), (-123_400, "-1,234 KZT"), (99_999, "999.99 KZT"), (100_000, "1,000 KZT"),
    (123_456_789, "1,234,567.89 KZT"), (14_155_200, "141,552 KZT"),
    (14_155_250, "141,552.50 KZT"), (Int.max, "92,233,720,368,547,758.07 KZT"),
    (Int.min, "-92,233,720,368,547,758.08 KZT"),
  ])
  func money(minor: Int, expected: String) throws {
    #expect(try apply(#"money "KZT""#, to: .integer(minor)) == expected)
  }

  @Test(arguments: [
    (0, "0 KGS"), (49, "0 KGS"), (50, "1 KGS"), (149, "1 KGS"), (150, "2 KGS"),
    (-49, "0 KGS"), (-50, "-1 KGS"), (-150, "-2 KGS"), (14_155_249, "141,552 KGS"),
    (14_155_250, "141,553 KGS"), (Int.max, "92,233,720,368,547,758 KGS"),
    (Int.min, "-92,233,720,368,547,758 KGS"),
  ])
  func moneyWhole(minor: Int, expected: String) throws {
    #expect(try apply(#"money_whole "KGS""#, to: .integer(minor)) == expected)
  }

  @Test func moneyCurrencyFromAnExpressionOrNone() throws {
    let context: TemplateValue = ["amount": 123_456_789, "fund": ["currency": "KGS"]]
    #expect(try render("{{ amount | money fund.currency }}", context) == "1,234,567.89 KGS")
    #expect(try render("{{ amount | money }}", context) == "1,234,567.89")
    #expect(try render("{{ amount | money_whole }}", context) == "1,234,568")
    let russian = try render(#"{{ amount | money "₸" }}"#, context, locale: .russian)
    #expect(russian == "1\(nnbsp)234\(nnbsp)567,89 ₸")
  }

  @Test(arguments: [
    ("2026-11-21", "", "2026-11-21"), ("2026-11-21", #" "iso""#, "2026-11-21"),
    ("2026-11-21", #" "long""#, "21 November 2026"), ("2026-01-05", #" "long""#, "5 January 2026"),
    ("2026-11-21", #" "short""#, "21.11.2026"), ("2024-02-29", #" "long""#, "29 February 2024"),
    ("2000-02-29", #" "short""#, "29.02.2000"), ("0001-01-01", "", "0001-01-01"),
  ])
  func dateInEnglish(input: String, style: String, expected: String) throws {
    #expect(try apply("date" + style, to: .string(input)) == expected)
  }

  @Test(
    arguments: Array(
      zip(
        1...12,
        [
          "января", "февраля", "марта", "апреля", "мая", "июня",
          "июля", "августа", "сентября", "октября", "ноября", "декабря",
        ])))
  func dateLongInRussianUsesTheGenitive(month: Int, name: String) throws {
    let input = "2026-\(month < 10 ? "0" : "")\(month)-21"
    #expect(try apply(#"date "long""#, to: .string(input), locale: .russian) == "21 \(name) 2026")
  }

  @Test(arguments: [
    (634, 1000, "63.4%"), (2, 3, "66.7%"), (1, 3, "33.3%"), (1, 8, "12.5%"), (1, 16, "6.3%"),
    (1, 2000, "0.1%"), (1, 2001, "0.0%"), (0, 5, "0.0%"), (5, 0, "—"), (0, 0, "—"),
    (10, 10, "100.0%"), (3, 2, "150.0%"), (-1, 3, "-33.3%"), (1, -3, "-33.3%"),
    (-1, -3, "33.3%"), (-1, 3000, "0.0%"), (Int.max, Int.max, "100.0%"),
    (Int.min, Int.min, "100.0%"), (1_000_000, 1, "100,000,000.0%"),
  ])
  func percent(part: Int, total: Int, expected: String) throws {
    let context: TemplateValue = ["part": .integer(part), "total": .integer(total)]
    #expect(try render("{{ part | percent total }}", context) == expected)
  }

  @Test func percentUsesTheLocaleDecimalSeparator() throws {
    let context: TemplateValue = ["part": 634, "total": 1000]
    #expect(try render("{{ part | percent total }}", context, locale: .russian) == "63,4%")
  }

  @Test(arguments: [
    ("pad 6", "ab", "ab    "), ("rpad 6", "ab", "ab    "), ("lpad 6", "ab", "    ab"),
    ("center 6", "ab", "  ab  "), ("center 5", "ab", " ab  "), ("pad 2", "abc", "abc"),
    ("lpad 0", "abc", "abc"), ("lpad 10", "Жанибек", "   Жанибек"),
    ("pad 9", "Жанибек", "Жанибек  "), ("center 9", "Жанибек", " Жанибек "),
    ("lpad 4", "и\u{0306}ог", " и\u{0306}ог"), ("pad 3", "e\u{301}", "e\u{301}  "),
    ("truncate 4", "Жанибек", "Жан…"), ("truncate 7", "Жанибек", "Жанибек"),
    ("truncate 6", "Жанибек", "Жаниб…"), ("truncate 1", "Жанибек", "…"),
    ("truncate 2", "e\u{301}e\u{301}e\u{301}", "e\u{301}…"), ("upper", "жанибек", "ЖАНИБЕК"),
    ("lower", "ТАЛАС Talas", "талас talas"), ("upper | lpad 8", "ош", "      ОШ"),
    ("truncate 5 | pad 6", "Kara-Buura", "Kara… "),
  ])
  func textFilters(filters: String, input: String, expected: String) throws {
    #expect(try apply(filters, to: .string(input)) == expected)
  }

  @Test func textFiltersAcceptIntegers() throws {
    #expect(try apply("lpad 6", to: 1234) == "  1234")
    #expect(try apply("number | lpad 8", to: 1234) == "   1,234")
    #expect(try apply("truncate 3", to: 123_456) == "12…")
  }

  @Test(arguments: [
    (0, 10, 100, 0), (100, 10, 100, 10), (1, 10, 100, 1), (4, 10, 100, 1), (5, 10, 100, 1),
    (14, 10, 100, 1), (15, 10, 100, 2), (50, 10, 100, 5), (99, 10, 100, 10),
    (150, 10, 100, 10), (0, 10, 0, 0), (3, 10, 0, 10), (7, 0, 10, 0), (1, 30, 3, 10),
    (Int.max - 1, 30, Int.max, 30), (1, 30, Int.max, 1),
  ])
  func bar(value: Int, width: Int, maximum: Int, blocks: Int) throws {
    let context: TemplateValue = [
      "value": .integer(value), "width": .integer(width), "maximum": .integer(maximum),
    ]
    let text = try render("{{ value | bar width maximum }}", context)
    #expect(text == String(repeating: "█", count: blocks))
  }

  @Test func barWithLiteralWidth() throws {
    #expect(try render("[{{ n | bar 4 8 | pad 4 }}]", ["n": 4]) == "[██  ]")
  }

  @Test(arguments: [
    (TemplateValue.null, "—"), ("", "—"), ("a", "a"), (0, "0"), (false, "false"),
  ])
  func defaultReplacesNullAndEmptyText(input: TemplateValue, expected: String) throws {
    #expect(try apply(#"default "—""#, to: input) == expected)
  }

  @Test func nullPassesThroughFiltersToDefault() throws {
    let filters = [
      #"number"#, #"money "KZT""#, #"money_whole"#, #"percent 3"#, #"date "long""#, "pad 3",
      "lpad 3", "center 3", "truncate 3", "bar 3 3", "upper", "lower", "count",
    ]
    for filter in filters {
      #expect(try apply("\(filter) | default \"n/a\"", to: nil) == "n/a", "\(filter)")
    }
  }

  @Test func defaultCanTakeAnotherName() throws {
    let context: TemplateValue = ["closed": nil, "fallback": "open"]
    #expect(try render("{{ closed | default fallback | upper }}", context) == "OPEN")
  }

  @Test func countOfListsObjectsAndText() throws {
    #expect(try apply("count", to: [1, 2, 3]) == "3")
    #expect(try apply("count", to: ["a": 1]) == "1")
    #expect(try apply("count", to: "Жанибек") == "7")
    #expect(try apply("count | number", to: .list(Array(repeating: 0, count: 1200))) == "1,200")
  }
}
