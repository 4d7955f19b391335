import Foundation
import PackagePlugin

/// Embeds `migrations/*.sql` (into HWCRegister) and `templates/*.txt` (into HWCReports) as Swift strings.
@main
struct EmbedFiles: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
    let (folder, suffix, symbol): (String, String, String)
    switch target.name {
    case "HWCRegister": (folder, suffix, symbol) = ("migrations", ".sql", "embeddedMigrations")
    case "HWCReports": (folder, suffix, symbol) = ("templates", ".txt", "embeddedTemplates")
    default: return []
    }
    let directory = context.package.directoryURL.appending(path: folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path())) ?? []
    let inputs = names.filter { $0.hasSuffix(suffix) }.sorted().map {
      directory.appending(path: $0)
    }
    let output = context.pluginWorkDirectoryURL.appending(path: "Embedded_\(symbol).swift")
    return [
      .buildCommand(
        displayName: "Embedding \(inputs.count) \(folder) files",
        executable: try context.tool(named: "hwc-embed").url,
        arguments: [output.path(), symbol] + inputs.map { $0.path() },
        inputFiles: inputs,
        outputFiles: [output]
      )
    ]
  }
}
