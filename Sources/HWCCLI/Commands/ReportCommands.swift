import HWCCore
import HWCRegister
import HWCReports

/// `hwc report quarterly`.
enum ReportCommands {
  static let specs: [CommandSpec] = []
}
