import HWCCore
import HWCDomain
import HWCRegister
import HWCRules

/// The life of each complaint: registered at the desk, inspected in the field, assessed by the
/// rules, decided by two committee members, paid by the treasurer, and sometimes appealed.
extension DemoRun {
  func registerComplaint(_ index: Int, on date: CalendarDate) throws {
    let plan = plans[index]
    let officer = pick(staff(index).officers, for: index)
    if !claimants[plan.claimant].added { try addClaimant(plan.claimant) }
    register.command = "hwc complaint register"
    let draft = ComplaintDraft(
      nationalID: claimants[plan.claimant].nationalID,
      district: DemoPlaces.districts[plan.district].name, conservancy: plan.conservancy,
      type: plan.damage.type, species: plan.damage.species,
      incidentDate: plan.incident.description, reportedDate: plan.reported.description,
      items: plan.damage.items.map(DemoRun.written), ref: plan.ref, village: plan.village,
      coordinates: plan.coordinates, notes: plan.notes)
    plans[index].code = try register.registerComplaint(draft, actor: officer).complaint.code
    schedule(.inspect(index), on: plan.reported.adding(days: plan.inspectionDelay))
  }

  func inspect(_ index: Int, on date: CalendarDate) throws {
    let plan = plans[index]
    let inspector = pick(staff(index).inspectors, for: index)
    var certificate = plan.vetCertificate
    var finding = plan.finding
    if plan.appeals > 0 {
      finding = "re-inspection after the appeal: " + finding
      if plan.certificateOnAppeal {
        let code = DemoPlaces.districts[plan.district].name.prefix(3).uppercased()
        certificate = "VET-\(code)-\(date.year % 100)-\(plans[index].rng.int(100...999))"
      }
    }
    register.command = "hwc inspect"
    _ = try register.inspect(
      code: plan.code!,
      InspectionDraft(
        date: date.description, items: plan.verified.map(DemoRun.written),
        protected: plan.protected ? "yes" : "no", vetCertificate: certificate,
        finding: finding),
      actor: inspector)
    schedule(.assess(index), on: date.adding(days: delay(index, 0...4, power: 2)))
  }

  func assess(_ index: Int, on date: CalendarDate) throws {
    let plan = plans[index]
    register.command = "hwc assess"
    let result = try register.assess(
      code: plan.code!, actor: staff(index).officers[0], policy: policy)
    plans[index].assessedOn = date
    if result.outcome == .eligible {
      decide(index, after: date)
    } else {
      considerAppeal(index, reason: result.reason ?? "", after: date)
    }
  }

  /// The committee looks at an eligible assessment: most are approved, some rejected.
  private func decide(_ index: Int, after date: CalendarDate) {
    let plan = plans[index]
    let when = date.adding(days: delay(index, 2...16, power: 2))
    if let original = plan.duplicateOf, let code = plans[original].code,
      plans[index].rng.chance(0.85)
    {
      schedule(
        .reject(index, reason: "duplicate of \(code): the same loss is already registered"),
        on: when)
    } else if plans[index].rng.chance(plan.rejectedBefore ? 0.35 : 0.04) {
      let reason = DemoFindings.rejectionReason(plan.damage.type, &plans[index].rng)
      schedule(.reject(index, reason: reason), on: when)
    } else {
      schedule(.approve(index), on: when)
    }
  }

  /// An ineligible complaint is appealed when there is something to argue.
  private func considerAppeal(_ index: Int, reason: String, after date: CalendarDate) {
    guard plans[index].appeals == 0 else { return }
    let plan = plans[index]
    if reason.contains("emergency") {
      if let emergency = DemoEmergency.covering(plan), emergency.declared > date {
        let when = emergency.declared.adding(days: delay(index, 1...8))
        schedule(
          .appeal(
            index,
            reason: "emergency decree \(emergency.decree) now covers the incident date"),
          on: when)
      } else if plans[index].rng.chance(0.06) {
        schedule(
          .appeal(index, reason: "the herder asks the akimat to declare an emergency"),
          on: date.adding(days: delay(index, 5...20)))
      }
    } else if reason.contains("vet certificate"), plans[index].rng.chance(0.6) {
      plans[index].certificateOnAppeal = true
      schedule(
        .appeal(index, reason: "vet certificate issued after the laboratory results came in"),
        on: date.adding(days: delay(index, 7...25)))
    } else if reason.hasPrefix("reported"), plans[index].rng.chance(0.12) {
      schedule(
        .appeal(index, reason: "the herder was on a distant pasture without a phone signal"),
        on: date.adding(days: delay(index, 5...20)))
    } else if reason.hasPrefix("payments suspended"), plans[index].rng.chance(0.15) {
      schedule(
        .appeal(index, reason: "the community says the poacher came from outside the conservancy"),
        on: date.adding(days: delay(index, 5...20)))
    } else if reason.hasPrefix("not a member"), plans[index].rng.chance(0.08) {
      schedule(
        .appeal(index, reason: "the premium was paid in cash to the committee; receipt attached"),
        on: date.adding(days: delay(index, 5...20)))
    }
  }

  func approve(_ index: Int, on date: CalendarDate) throws {
    let committee = staff(index).committee
    let members = committee.filter { !plans[index].approvals.contains($0.id) }
    let member = pick(members, for: index)
    register.command = "hwc approve"
    do {
      let result = try register.approve(code: plans[index].code!, actor: member)
      plans[index].approvals.append(member.id)
      if result.reserved {
        schedule(.pay(index), on: date.adding(days: delay(index, 1...40, power: 3)))
      } else {
        schedule(.approve(index), on: date.adding(days: delay(index, 0...10, power: 2)))
      }
    } catch DomainError.conflict(let message) where message.contains("over-commit") {
      // The budget or fund cannot take it: the complaint stays assessed until money comes.
      counters.approvalsRefusedForBudget += 1
    } catch DomainError.conflict(let message) where message.contains("hwc reinspect") {
      // Drawn for re-inspection, or above the threshold: another inspector goes out first.
      if try reinspect(index, on: date) {
        schedule(.approve(index), on: date.adding(days: 1))
      }
    } catch DomainError.conflict(let message) where message.contains("out of date") {
      // Something was approved for the household since: re-assess under the cap.
      counters.staleAssessments += 1
      plans[index].approvals = []
      schedule(
        .appeal(index, reason: "re-assessment: approvals since the assessment changed the cap"),
        on: date.adding(days: delay(index, 1...5)))
    }
  }

  /// A second inspection by an inspector other than the one whose inspection was assessed (the
  /// complaint's own staff first, then the district's). One in four finds less than was verified
  /// (a head fewer of the largest count, or a tenth less of an area or weight) and re-assesses;
  /// the others confirm. Returns false when the re-assessment made the complaint ineligible.
  @discardableResult
  func reinspect(_ index: Int, on date: CalendarDate) throws -> Bool {
    let plan = plans[index]
    let local = staff(index).inspectors
    let candidates = local + cast.staff(district: plan.district, conservancy: nil).inspectors
    var items = plan.verified
    var finding = "re-inspection: the counts are confirmed"
    if plans[index].rng.chance(0.25),
      let largest = items.indices.max(by: { items[$0].centi < items[$1].centi }),
      items[largest].centi >= 300
    {
      let cut = max(100, items[largest].centi / 1000 * 100)
      items[largest] = ItemQuantity(item: items[largest].item, centi: items[largest].centi - cut)
      finding = "re-inspection: fewer found than the first inspection verified"
    }
    register.command = "hwc reinspect"
    for inspector in candidates {
      do {
        let result = try register.reinspect(
          code: plan.code!,
          InspectionDraft(
            date: date.description, items: items.map(DemoRun.written),
            protected: plan.protected ? "yes" : "no", vetCertificate: plan.vetCertificate,
            finding: finding),
          actor: inspector)
        if result.foundLess { counters.reinspectionsFoundLess += 1 }
        return result.outcome != .ineligible
      } catch DomainError.notPermitted(let message) where message.contains("another inspector") {
        continue
      }
    }
    return true
  }

  func reject(_ index: Int, reason: String, on date: CalendarDate) throws {
    let committee = staff(index).committee
    register.command = "hwc reject"
    try register.reject(
      code: plans[index].code!, reason: reason, actor: pick(committee, for: index))
    counters.rejections += 1
    plans[index].rejectedBefore = true
    if plans[index].appeals == 0, plans[index].duplicateOf == nil, plans[index].rng.chance(0.35) {
      schedule(
        .appeal(index, reason: "the herder contests the decision and brings two witnesses"),
        on: date.adding(days: delay(index, 5...20)))
    }
  }

  func appeal(_ index: Int, reason: String, on date: CalendarDate) throws {
    register.command = "hwc appeal"
    try register.appeal(code: plans[index].code!, reason: reason, actor: staff(index).officers[0])
    plans[index].appeals += 1
    plans[index].approvals = []
    counters.appeals += 1
    schedule(.inspect(index), on: date.adding(days: delay(index, 3...12)))
  }

  func pay(_ index: Int, on date: CalendarDate) throws {
    let plan = plans[index]
    bankReferences += 1
    let number = String(bankReferences)
    let bank = DemoPlaces.districts[plan.district].country == .kz ? "HALYK" : "AIYL"
    let reference =
      "\(bank)-\(date.description.filter { $0 != "-" })-"
      + String(repeating: "0", count: max(0, 5 - number.count)) + number
    register.command = "hwc pay"
    _ = try register.pay(code: plan.code!, reference: reference, actor: staff(index).treasurer!)
    counters.payments += 1
  }

  /// `KEY=QTY` as typed.
  static func written(_ item: ItemQuantity) -> String {
    "\(item.item)=\(Decimal2.format(item.centi))"
  }
}
