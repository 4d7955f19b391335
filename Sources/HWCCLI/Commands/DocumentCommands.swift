import HWCCore
import HWCRegister
import HWCReports

/// `hwc report fund`, `hwc receipt`, `hwc letter`.
enum DocumentCommands {
  static let specs: [CommandSpec] = []
}
