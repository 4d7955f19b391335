import HWCCore
import HWCDomain

/// A household that files complaints: who, where, what it keeps, and whether it insures its
/// herd in its conservancy.
struct DemoClaimant {
  let person: DemoPerson
  let nationalID: String
  /// Index into `DemoPlaces.districts`.
  let district: Int
  let conservancy: String?
  let village: String
  /// Declared herd, `CLASS=HEADS`.
  let herd: [(livestockClass: String, heads: Int)]
  /// Insures heads in its conservancy each season (kg-buffer membership).
  let member: Bool
  /// Does not renew its insurance for 2026.
  let lapses: Bool
  /// When the member pays its premium: days after the premium round opens (mid-December for
  /// the first season, late November for the next).
  let premiumDay: Int
  /// Added to the register (simulation state).
  var added = false
}

/// One complaint as it will happen: the facts the herder reports and the facts the inspector
/// will find. What the register decides is not planned here; the workflow runs it.
struct ComplaintPlan {
  let claimant: Int
  /// Index into `DemoPlaces.districts`.
  let district: Int
  let conservancy: String?
  let damage: DemoDamage
  let incident: CalendarDate
  let reported: CalendarDate
  let village: String
  let coordinates: String?
  let ref: String?
  let notes: String?
  /// The plan this one repeats (a near-duplicate filing), if any.
  let duplicateOf: Int?
  /// Days from the report to the field inspection.
  let inspectionDelay: Int
  /// What the inspector verifies.
  let verified: [ItemQuantity]
  let protected: Bool
  let vetCertificate: String?
  let finding: String
  /// Draws for the decisions of this complaint, independent of every other complaint.
  var rng: SplitMix64

  // Simulation state.
  var code: String?
  var approvals: [Int] = []
  var appeals = 0
  var rejectedBefore = false
  /// On re-inspection after an appeal, the missing vet certificate is produced.
  var certificateOnAppeal = false
  var assessedOn: CalendarDate?

  /// A predation report must come within 3 days; every other type within 10.
  var reportedLate: Bool {
    incident.days(to: reported) > (damage.type == "livestock_predation" ? 3 : 10)
  }
}

/// Inspectors' findings, by what happened.
enum DemoFindings {
  static func finding(_ damage: DemoDamage, protected: Bool, _ rng: inout SplitMix64) -> String {
    switch (damage.type, damage.species) {
    case ("livestock_predation", "wolf"):
      return rng.pick([
        "night attack on the winter camp; tracks of three to four wolves in the snow",
        "sheep taken from the pasture at dusk; carcasses found 400 m from the fold",
        "wolves got into the fold through a broken fence; the shepherd heard the dogs",
        "attack on a flock grazing on the far pasture; two carcasses not found",
      ]) + (protected ? "" : "; flock was not corralled")
    case ("livestock_predation", "snow_leopard"):
      return rng.pick([
        "pug marks in the snow beside the pen; kills bitten at the neck",
        "leopard entered the stone corral through the roof; surplus killing",
        "kill found on the slope above the summer pasture; camera-trap photo of the cat",
      ])
    case ("livestock_predation", "brown_bear"):
      return rng.pick([
        "bear tracks at the summer pasture; calf carcass partly eaten and covered",
        "bear came down to the camp at night; droppings and claw marks on the fence",
      ])
    case ("livestock_predation", _):
      return "lambs lost on the spring pasture; golden eagle and fox seen by the shepherd"
    case ("disease_spread", _):
      return rng.pick([
        "pasteurellosis confirmed in the flock after contact with saiga at the well",
        "foot-and-mouth symptoms after saiga grazed with the flock; samples sent to the lab",
        "deaths after a saiga herd shared the watering place; carcasses disposed of",
      ])
    case ("pasture_trampling", _):
      return rng.pick([
        "trampled strip along the migration corridor; grass cover destroyed",
        "a herd of about 2,000 saiga grazed and trampled the spring pasture",
        "pasture grazed bare ahead of the herder's flocks; measured with GPS",
      ])
    case ("hay_loss", _):
      return rng.pick([
        "stacks opened and eaten overnight; remains trampled and soiled",
        "winter hay store raided by saiga; fence flattened",
      ])
    case ("crop_invasion", "saiga"):
      return rng.pick([
        "sprouting crop grazed down by saiga; loss confirmed by the district agronomist",
        "saiga crossed the field during the migration; crop flattened and eaten",
      ])
    case ("crop_invasion", "wild_boar"):
      return "field rooted up by a sound of wild boar over several nights"
    case ("crop_invasion", _):
      return "orchard and beehives damaged by a bear; fruit trees broken"
    case ("water_depletion", _):
      return rng.pick([
        "water point fouled and drunk dry by a passing herd; water trucked in",
        "dugout well trampled by saiga; livestock moved to a distant well",
      ])
    default:
      return "damage confirmed on site"
    }
  }

  /// Why a committee rejects an eligible assessment, in its own words, by damage type.
  static func rejectionReason(_ type: String, _ rng: inout SplitMix64) -> String {
    switch type {
    case "livestock_predation":
      return rng.pick([
        "the herder's statement contradicts the inspection: the animals died of disease",
        "the livestock are not in the claimant's name in the veterinary register",
        "witnesses state the flock was left on the pasture for days without a shepherd",
      ])
    case "disease_spread":
      return rng.pick([
        "the laboratory found a disease that saiga do not carry",
        "the livestock are not in the claimant's name in the veterinary register",
      ])
    case "hay_loss":
      return "the damaged hay belonged to a farm enterprise, not to the claimant's household"
    case "water_depletion":
      return "the water point is communal; the claimant does not maintain it"
    default:
      return rng.pick([
        "the land is outside the claimant's registered lease; the loss falls to the land user",
        "the district agriculture department has no record of the field being sown this year",
      ])
    }
  }
}
