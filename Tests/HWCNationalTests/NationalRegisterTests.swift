import HWCCore
import HWCNational
import HWCStore
import HWCTestSupport
import Testing

/// `national init`: the folder layout, what it refuses, its users and its own audit chain.
@Suite struct NationalRegisterTests {
  @Test func initCreatesTheFolderTheDatabaseAndOffices() throws {
    let fixture = NationalFixture()
    let national = try fixture.initialize()
    #expect(national.folder.database == fixture.folder + "/national.sqlite")
    let files = fixture.directory.entries("national").filter {
      !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm")
    }
    #expect(files == ["national.sqlite", "offices"])
    #expect(fixture.directory.entries("national/offices").isEmpty)
    #expect(try national.offices().isEmpty)
    let chain = try national.verifyChain()
    #expect(chain.problem == nil)
    #expect(chain.entries == 2)  // the format row and the administrator
  }

  @Test func initUsesAnEmptyFolderAndLeavesANationalRegisterAlone() throws {
    let fixture = NationalFixture()
    fixture.directory.makeDirectory("national")
    try fixture.initialize()
    let before = fixture.directory.bytes("national/national.sqlite")
    let again = try NationalRegister.initialize(
      folder: fixture.folder, admin: "someone", passphrase: "another passphrase",
      origin: nil, clock: NationalFixture.clock)
    #expect(!again.created && again.admin == nil)
    #expect(fixture.directory.bytes("national/national.sqlite") == before)
  }

  @Test func initRefusesANonEmptyFolderAndAMissingParent() throws {
    let fixture = NationalFixture()
    fixture.directory.makeDirectory("national")
    fixture.directory.write("national/notes.txt", "not a register")
    let notEmpty = #expect(throws: NationalError.self) { try fixture.initialize() }
    #expect(notEmpty?.description.contains("is not empty and is not a national register") == true)
    #expect(fixture.directory.entries("national") == ["notes.txt"])

    let missing = #expect(throws: NationalError.self) {
      try NationalRegister.initialize(
        folder: fixture.directory.file("absent/national"), admin: "admin",
        passphrase: NationalFixture.passphrase, origin: nil)
    }
    #expect(missing?.description.contains("does not exist") == true)
    #expect(!fixture.directory.entries("").contains("absent"))
  }

  @Test func openRefusesAFolderThatIsNotANationalRegister() throws {
    let fixture = NationalFixture()
    fixture.directory.makeDirectory("national")
    let error = #expect(throws: NationalError.self) {
      try NationalRegister.open(folder: fixture.folder)
    }
    #expect(error?.description.contains("is not a national register") == true)
  }

  @Test func theAdministratorProvesWithThePassphrase() throws {
    let fixture = NationalFixture()
    let national = try fixture.initialize(admin: "aigerim")
    let actor = try national.prove(
      name: "aigerim", passphrase: NationalFixture.passphrase, origin: NationalFixture.origin)
    #expect(actor == NationalActor(name: "aigerim", osUser: "analyst", host: "ministry"))
    #expect(throws: NationalError.self) {
      try national.prove(name: "aigerim", passphrase: "wrong passphrase", origin: nil)
    }
    #expect(throws: NationalError.self) {
      try national.prove(name: "nobody", passphrase: NationalFixture.passphrase, origin: nil)
    }
  }

  @Test func theChainNamesARowEditedBehindItsBack() throws {
    let fixture = NationalFixture()
    try fixture.initialize()
    try Tamper.register(
      at: fixture.folder + "/national.sqlite",
      "UPDATE national_user SET name = 'mallory' WHERE id = 1")
    let national = try NationalRegister.open(folder: fixture.folder)
    #expect(
      try national.verifyChain().problem
        == "national_user 1 differs from what the national chain recorded")
  }

  @Test func theChainNamesAnEditedEntry() throws {
    let fixture = NationalFixture()
    try fixture.initialize()
    try Tamper.register(
      at: fixture.folder + "/national.sqlite",
      "UPDATE chain_entry SET actor = 'mallory' WHERE id = 2")
    let national = try NationalRegister.open(folder: fixture.folder)
    #expect(
      try national.verifyChain().problem == "national chain entry 2 does not match its hash")
  }
}
