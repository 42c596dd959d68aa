import Course
import Foundation
import History

/// Where an exercise stands for the learner.
package enum ExerciseState: String, Sendable, Equatable {
  case notStarted = "not started"
  case started = "started"
  case attempted = "attempted"
  case passed = "passed"
}

/// One row of `practice list`.
package struct ExerciseProgress: Sendable {
  package var exercise: Exercise
  package var state: ExerciseState
  package var entry: ProgressSnapshot.Entry?
}

/// One module's totals for `practice`.
package struct ModuleProgress: Sendable {
  package var module: Module
  package var exercises: [ExerciseProgress]
  package var bestScore: Double { exercises.reduce(0) { $0 + ($1.entry?.bestScore ?? 0) } }
  package var maxScore: Double {
    exercises.reduce(0) { $0 + ($1.entry?.maxScore ?? Double($1.exercise.points)) }
  }
  package var passedCount: Int { exercises.filter { $0.state == .passed }.count }
}

/// What `practice` shows: progress per module, the latest attempt, and what to do next.
package struct Overview: Sendable {
  package var courseTitle: String
  package var courseVersion: String
  package var modules: [ModuleProgress]
  /// The exercise after `current` (`Workspace.nextExercise(after:progress:)`).
  package var next: Exercise?
  package var latest: (exercise: String, entry: ProgressSnapshot.Entry)?
  /// The exercise the learner last started or graded, whichever is later (or the next one), with
  /// its state.
  package var current: ExerciseProgress?
}

extension Workspace {
  package func overview() throws(PracticeError) -> Overview {
    let snapshot = try progress()
    let modules = course.modules.map { module in
      ModuleProgress(module: module, exercises: module.exercises.map { state(of: $0, snapshot: snapshot) })
    }
    let latest = snapshot.exercises.max { $0.value.lastAttempt < $1.value.lastAttempt }.map { ($0.key, $0.value) }
    let current = (try? currentExercise(progress: snapshot)).map { state(of: $0, snapshot: snapshot) }
    return Overview(
      courseTitle: course.title, courseVersion: course.version, modules: modules,
      next: nextExercise(after: current?.exercise, progress: snapshot), latest: latest, current: current)
  }

  func state(of exercise: Exercise, snapshot: ProgressSnapshot) -> ExerciseProgress {
    let entry = snapshot.exercises[exercise.key]
    let state: ExerciseState
    if entry?.passed == true {
      state = .passed
    } else if entry != nil {
      state = .attempted
    } else if FileManager.default.fileExists(atPath: root.appendingPathComponent(exercise.workspaceFolder).path) {
      state = .started
    } else {
      state = .notStarted
    }
    return ExerciseProgress(exercise: exercise, state: state, entry: entry)
  }

  /// Attempts, newest first, optionally of one exercise.
  package func attempts(of exercise: Exercise?) throws(PracticeError) -> [AttemptSummary] {
    do {
      return try attemptStore().attempts(exercise: exercise?.key)
    } catch let error as PracticeError {
      throw error
    } catch {
      throw .history(error)
    }
  }
}

/// The course's exercise, for the command line (which does not import Course).
package typealias CourseExercise = Exercise
