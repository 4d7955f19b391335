import HWCCore
import HWCDemo
import HWCRegister
import HWCReports

/// `hwc demo`.
enum DemoCommand {
  static let specs: [CommandSpec] = []
}
