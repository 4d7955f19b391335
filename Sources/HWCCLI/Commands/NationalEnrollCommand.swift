import HWCCore
import HWCNational

/// `hwc national enroll`: records an office and prints its new key once.
enum NationalEnrollCommand {
  static let specs = [
    CommandSpec(
      ["national", "enroll"], abstract: "Enrol an office and print its key once",
      discussion: """
        Records the office CODE with its districts and conservancies, which no other office may
        hold, and prints its new key (64 hex digits, on a line of their own) once: the office's
        administrator sets it with hwc office key --set KEY, and the national register accepts
        only bundles authenticated with it. --rekey gives an enrolled office a new key; bundles
        made under the old one are refused from then on.
        """,
      options: [
        OptionSpec("office", "CODE", "the office's code, e.g. WKO-KAZTALOV", required: true),
        OptionSpec("district", "D", "a district of the office", repeating: true),
        OptionSpec("conservancy", "C", "a conservancy of the office", repeating: true),
        OptionSpec("rekey", nil, "give the enrolled office a new key"),
        NationalCommands.folderOption,
      ] + NationalCommands.actorOptions,
      traits: [.json]
    ) { invocation in
      let code = invocation.value("office") ?? ""
      let (national, actor) = try invocation.openNationalForChange()
      let enrolment: NationalRegister.Enrolment
      if invocation.flag("rekey") {
        guard invocation.values("district").isEmpty, invocation.values("conservancy").isEmpty
        else {
          throw NationalError(
            "--rekey changes only the key; an office's districts are given when it is enrolled")
        }
        enrolment = try national.rekey(code: code, actor: actor)
      } else {
        enrolment = try national.enroll(
          code: code, districts: invocation.values("district"),
          conservancies: invocation.values("conservancy"), actor: actor)
      }
      let key = SHA256.hex(enrolment.key)
      let office = enrolment.office
      if invocation.json {
        invocation.console.print(
          JSON.object([
            ("office", .string(office.code)), ("key", .string(key)),
            ("districts", .array(office.districts.map(JSON.string))),
            ("conservancies", .array(office.conservancies.map(JSON.string))),
          ]))
        return 0
      }
      let areas = office.districts + office.conservancies
      invocation.console.print(
        (invocation.flag("rekey") ? "new key for office " : "enrolled office ")
          + "\(office.code) (\(areas.joined(separator: ", ")))")
      invocation.console.print("its key, shown only now:")
      invocation.console.print(key)
      invocation.console.print("in the office, its administrator runs:")
      invocation.console.print("  hwc office key --set \(key)")
      return 0
    }
  ]
}
