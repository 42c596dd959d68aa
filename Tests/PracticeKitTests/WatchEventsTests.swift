import Foundation
import PracticeKit
import TestSupport
import Testing

@Suite("Watch events")
struct WatchEventsTests {
  @Test("a save of a watched file is one event, however the editor writes it; other files are ignored")
  func saves() throws {
    let folder = try TemporaryDirectory()
    try folder.write("v0", to: "Entropy.swift")
    let events = try WatchEvents(folder: folder.url, files: ["Entropy.swift"], readKeys: false)
    #expect(events.next(timeout: 0.3) == nil, "nothing happened yet")

    // A plain write.
    try folder.write("v1", to: "Entropy.swift")
    #expect(events.next(timeout: 5) == .changed)
    #expect(events.next(timeout: 0.3) == nil, "the burst of one save is coalesced into one event")

    // An editor's atomic save: write a temporary file, rename it over the original.
    let temporary = try folder.write("v2", to: ".Entropy.swift.tmp")
    _ = rename(temporary.path, folder.url.appendingPathComponent("Entropy.swift").path)
    #expect(events.next(timeout: 5) == .changed)

    // Another file in the folder is not a reason to re-grade.
    try folder.write("notes", to: "notes.txt")
    #expect(events.next(timeout: 0.5) == nil)
  }

  @Test("switching to another exercise's folder watches that one")
  func switchFolder() throws {
    let first = try TemporaryDirectory()
    let second = try TemporaryDirectory()
    let events = try WatchEvents(folder: first.url, files: ["A.swift"], readKeys: false)
    try events.watch(folder: second.url, files: ["B.swift"])
    try first.write("x", to: "A.swift")
    #expect(events.next(timeout: 0.5) == nil)
    try second.write("y", to: "B.swift")
    #expect(events.next(timeout: 5) == .changed)
  }
}
