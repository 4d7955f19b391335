import HWCCore
import HWCDomain
import HWCRules
import HWCStore

extension Register {
  /// Gathers the facts the engine needs for one complaint (no rule is applied here).
  func assessmentInput(_ complaint: ComplaintHeader) throws -> AssessmentInput? {
    guard let district = reference.district(id: complaint.districtID) else { return nil }
    let conservancy = complaint.conservancyID.flatMap { reference.conservancy(id: $0) }
    let coverage = Coverage(
      district: district, conservancy: conservancy, incidentYear: complaint.incidentDate.year)
    let scheme = coverage.scheme
    let key: [any SQLBindable] = [complaint.id]
    let inspection = try db.prepare(
      """
      SELECT id, inspection_date, protected, vet_certificate FROM inspection
      WHERE complaint_id = ? ORDER BY id DESC LIMIT 1
      """
    ).first(with: key) {
      (
        $0.int("id"), $0.text("inspection_date"), $0.int("protected") == 1,
        $0.optionalText("vet_certificate")
      )
    }
    var facts: InspectionFacts?
    if let inspection {
      let items = try db.prepare(
        "SELECT item, quantity_centi FROM inspection_item WHERE inspection_id = ? ORDER BY item"
      ).map(with: [inspection.0]) {
        ItemQuantity(item: $0.text("item"), centi: $0.int("quantity_centi"))
      }
      facts = InspectionFacts(
        date: CalendarDate(inspection.1)!, items: items, protected: inspection.2,
        vetCertificate: inspection.3)
    }
    let year = complaint.incidentDate.year
    let emergencies = try db.prepare(
      """
      SELECT decree, from_date, to_date FROM emergency
      WHERE district_id = ? AND \(ReadSQL.notRevoked(emergency: "emergency.id")) ORDER BY from_date
      """
    ).map(with: [district.id]) {
      EmergencyFacts(
        decree: $0.text("decree"), from: CalendarDate($0.text("from_date"))!,
        to: CalendarDate($0.text("to_date"))!)
    }
    // What is already approved (or paid) for the claimant in the same year or season.
    let approved =
      try db.scalar(
        Int.self,
        """
        SELECT coalesce(sum(a.amount_minor), 0) FROM complaint c
        JOIN assessment a ON a.id = \(ReadSQL.latestAssessment(of: "c.id"))
        WHERE c.claimant_id = ? AND c.id != ?
          AND c.status IN (\(ComplaintStatus.allCases.filter(\.isCommitted).sqlLiteral))
          AND a.scheme = ? AND substr(c.incident_date, 1, 4) = ?
        """,
        with: [
          complaint.claimantID, complaint.id,
          scheme.rawValue, String(year),
        ]) ?? 0
    var member = false
    var insured: [String: Int] = [:]
    var compensated: [String: Int] = [:]
    var incidents: [WildlifeIncident] = []
    if let conservancy {
      let claimantSeason: [any SQLBindable] = [
        complaint.claimantID, conservancy.id,
        year,
      ]
      for (livestockClass, heads) in try db.prepare(
        """
        SELECT livestock_class, sum(heads) AS heads FROM herd_insurance
        WHERE claimant_id = ? AND conservancy_id = ? AND season = ? GROUP BY livestock_class
        """
      ).map(with: claimantSeason, { ($0.text("livestock_class"), $0.int("heads")) }) {
        insured[livestockClass] = heads
        member = true
      }
      for (item, centi) in try db.prepare(
        """
        SELECT l.item, sum(l.quantity_centi) AS quantity_centi FROM complaint c
        JOIN assessment a ON a.id = \(ReadSQL.latestAssessment(of: "c.id"))
        JOIN assessment_line l ON l.assessment_id = a.id
        WHERE c.claimant_id = ? AND c.conservancy_id = ? AND substr(c.incident_date, 1, 4) = ?
          AND c.id != ?
          AND c.status IN (\(ComplaintStatus.allCases.filter(\.isCommitted).sqlLiteral))
        GROUP BY l.item
        """
      ).map(
        with: [claimantSeason[0], claimantSeason[1], String(year), complaint.id],
        { ($0.text("item"), $0.int("quantity_centi")) })
      {
        if let livestockClass = reference.items[item]?.livestockClass {
          compensated[livestockClass, default: 0] += centi / 100
        }
      }
      incidents = try db.prepare(
        """
        SELECT id, kind, incident_date FROM wildlife_incident WHERE conservancy_id = ?
        ORDER BY incident_date, id
        """
      ).map(with: [conservancy.id]) {
        WildlifeIncident(
          id: $0.int("id"), kind: $0.text("kind"), date: CalendarDate($0.text("incident_date"))!)
      }
    }
    return AssessmentInput(
      complaint: complaint.code, scheme: scheme, district: district.name.en,
      damageType: complaint.type, species: complaint.species,
      incidentDate: complaint.incidentDate, reportedDate: complaint.reportedDate,
      inspection: facts, items: reference.items, emergencies: emergencies,
      alreadyApprovedMinor: approved, conservancy: conservancy?.name.en,
      memberWithPaidPremium: member, insuredHeads: insured, compensatedHeads: compensated,
      incidents: incidents)
  }

  /// Assesses an inspected complaint (`hwc assess ID`): an officer, inspector or committee member
  /// of its district or conservancy. The result, the policy values used and the explanation are
  /// stored; earlier assessments stay.
  public func assess(code: String, actor: Actor, policy: Policy? = nil) throws -> Assessment {
    let complaint = try header(code: code)
    try requireInOffice(districtID: complaint.districtID, conservancyID: complaint.conservancyID)
    guard mayAssess(actor, complaint) else {
      throw DomainError.notPermitted(
        "\(actor.name) may not assess complaints there: that needs the officer, inspector or "
          + "committee role for the complaint's district or conservancy")
    }
    // An assessed complaint is assessed again when a retroactive policy change made its
    // assessment out of date (its approval needs the new one).
    guard try complaint.status.isAssessable || latestAssessmentIsOutOfDate(complaint) else {
      throw DomainError.conflict(
        "\(complaint.code) is \(complaint.status.rawValue); only an inspected complaint is assessed "
          + (complaint.status.isInspectable
            ? "(record an inspection first)" : "(an appeal reopens it)"))
    }
    guard let input = try assessmentInput(complaint) else {
      throw DomainError.notFound("the district of \(complaint.code) is unknown")
    }
    let assessment = try RulesEngine.assess(input, policy: policy ?? self.policy())
    try db.transaction {
      let inspectionID = try db.scalar(
        Int.self, "SELECT max(id) FROM inspection WHERE complaint_id = ?", with: [complaint.id])
      try store(assessment, complaint: complaint, inspectionID: inspectionID, actor: actor)
    }
    return assessment
  }

  /// Writes an assessment of `complaint` made from inspection `inspectionID`, its audit entry
  /// and the complaint's move to assessed or ineligible. Inside the caller's transaction.
  ///
  /// A batch (`assessPending`) passes the complaint's audited state read in the same
  /// transaction (`before`) and what the run remembers (`memory`): the audit entries' states
  /// are then built from the values written instead of read back.
  func store(
    _ assessment: Assessment, complaint: ComplaintHeader, inspectionID: Int?, actor: Actor,
    before: AuditState? = nil, memory: AssessmentStore.Memory = .init()
  ) throws {
    var assessments = self.assessments
    assessments.memory = memory
    let policySet = try assessments.policySet(for: assessment, seen: &memory.policySets)
    if policySet.created { try auditCreated("policyset", id: policySet.id, actor: actor.name) }
    let inserted = try assessments.write(
      assessment, complaintID: complaint.id, inspectionID: inspectionID, actorID: actor.id,
      at: clock.timestamp(), policySetID: policySet.id)
    try faultAfterAssessmentRow?(complaint.code)
    try auditCreated("assessment", id: inserted.id, actor: actor.name, known: inserted.state)
    let eligible = assessment.outcome == .eligible
    try transition(
      complaint, to: eligible ? .assessed : .ineligible, kind: .assessed,
      reason: eligible ? nil : assessment.reason, actor: actor, before: before)
  }

  /// The latest stored assessment of a complaint, as `hwc assess ID --explain` prints it.
  public func latestAssessment(code: String) throws -> StoredAssessment? {
    let complaint = try header(code: code)
    guard let id = try assessments.latestID(complaintID: complaint.id) else { return nil }
    return try assessments.stored(id: id, code: complaint.code)
  }
}
