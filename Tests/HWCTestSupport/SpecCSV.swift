/// CSV layouts as the SPEC writes them, spelt out here rather than taken from the code under test.
public enum SpecCSV {
  /// The header line of a complaint field-form CSV (SPEC §8), with its line break.
  public static let complaintHeader =
    "ref,claimant_id,claimant_name,district,conservancy,village,type,species,incident_date,"
    + "reported_date,items\n"
}
