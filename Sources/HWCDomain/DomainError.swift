/// An input field, named as the command line (`--incident-date`) and CSV files (`incident_date`)
/// name it.
public enum Field: String, Sendable, Hashable {
  case actor, name, role, nationalID, claimantName, district, conservancy, village, herd
  case type, species, incidentDate, reportedDate, items, ref, coordinates, notes
  case complaint, claimant, status, quarter, rejects, file, limit
  case scheme, key, value, from, to, on, date, protected, vetCertificate, finding, decree, kind
  case season, heads, livestockClass, conservancyRequired
  case amount, year, reason, reference, source, userNationalID, lang, format, templates, out
  case anchor
  case passphrase, passwordFile, newPasswordFile
  /// A national ID given as a command's argument (`hwc claimant show NATIONAL_ID`).
  case nationalIDArgument
  /// The office time zone: `hwc init --timezone`, `hwc timezone set ZONE`.
  case timezone, zone
  case offset, entity
  /// The office of a register: `hwc init --office CODE`; its key, `hwc office key --set HEX`.
  case office, officeKey
  /// `hwc report controls --repeat N`: the complaints in a season a claimant may have unlisted.
  case repeatLimit

  /// The column name in CSV files.
  public var column: String {
    switch self {
    case .nationalID, .claimant, .nationalIDArgument: return "claimant_id"
    case .claimantName: return "claimant_name"
    case .incidentDate: return "incident_date"
    case .reportedDate: return "reported_date"
    case .vetCertificate: return "vet_certificate"
    case .finding: return "finding"
    default: return rawValue
    }
  }

  /// The option on the command line.
  public var option: String {
    switch self {
    case .actor: return "--as"
    case .nationalID: return "--id"
    case .claimant: return "--claimant"
    case .claimantName: return "--name"
    case .incidentDate: return "--incident-date"
    case .reportedDate: return "--reported-date"
    case .items: return "--item"
    case .complaint: return "ID"
    case .file: return "FILE"
    case .vetCertificate: return "--vet-certificate"
    case .livestockClass: return "--class"
    case .conservancyRequired: return "--conservancy"
    case .userNationalID: return "--national-id"
    case .passwordFile: return "--password-file"
    case .newPasswordFile: return "--new-password-file"
    case .reference: return "--ref"
    case .notes: return "--note"
    case .nationalIDArgument: return "NATIONAL_ID"
    case .zone: return "ZONE"
    case .officeKey: return "--set"
    case .repeatLimit: return "--repeat"
    default: return "--" + rawValue
    }
  }
}

/// Why the register refused an operation; nothing was written.
public enum DomainError: Error, CustomStringConvertible, Equatable {
  /// A field's value is not acceptable.
  case invalid(field: Field, String)
  /// The acting user may not do this.
  case notPermitted(String)
  /// Something named does not exist.
  case notFound(String)
  /// The operation conflicts with what the register already holds.
  case conflict(String)

  /// The field at fault, when there is one.
  public var field: Field? {
    if case .invalid(let field, _) = self { return field }
    return nil
  }

  /// The problem without the field name, for `FILE:LINE: column: problem` lines.
  public var problem: String {
    switch self {
    case .invalid(_, let message), .notPermitted(let message), .notFound(let message),
      .conflict(let message):
      return message
    }
  }

  /// One sentence naming the command-line option at fault.
  public var description: String {
    switch self {
    case .invalid(let field, let message): return "\(field.option): \(message)"
    case .notPermitted(let message), .notFound(let message), .conflict(let message):
      return message
    }
  }
}
