import PracticeNumerics
import Testing

/// The library's generator and corpora against the Python reference (Curriculum/authoring/synth.py),
/// whose outputs were printed at authoring time with numpy 2.4 (values quoted below).
@Suite("Synthetic corpora")
struct CorpusTests {
  @Test("SplitMix64 matches its published test vectors")
  func vectors() {
    var zero = SplitMix64(seed: 0)
    #expect(
      [zero.next(), zero.next(), zero.next()] == [0xe220_a839_7b1d_cdaf, 0x6e78_9e6a_a1b9_65f4, 0x06c4_5d18_8009_454f])
    var answer = SplitMix64(seed: 42)
    #expect(answer.uniform() == 0.7415648787718233)
  }

  @Test("Corpus M: parameters, first symbols and entropy rate as the reference")
  func markov() {
    let corpus = MarkovCorpus.standard
    #expect(corpus.contextCount == 64)
    // synth.make_markov(8, 2, 1, 3.0)[0][:3]
    #expect(Array(corpus.transitions[0].prefix(3)) == [0.061647146354079946, 0.14060698461420665, 0.310336610043357])
    // synth.sample_markov(P, 8, 2, 20, 101) and (..., 202)
    #expect(corpus.sample(count: 20, seed: 101) == [4, 0, 4, 5, 3, 5, 7, 5, 4, 2, 5, 5, 3, 7, 3, 4, 0, 4, 5, 0])
    #expect(corpus.sample(count: 20, seed: 202) == [7, 3, 4, 2, 6, 3, 2, 3, 7, 2, 5, 5, 6, 6, 4, 4, 4, 7, 4, 6])
    #expect(corpus.render([0, 7, 2]) == "ahc")
    // synth.markov_entropies: rate 2.0951438278653156 bits
    #expect(abs(corpus.entropyRate - 2.0951438278653156) < 1e-12)
    #expect(abs(corpus.stationaryContexts.reduce(0, +) - 1) < 1e-12)
  }

  @Test("Corpus W: lexicon, sample text and entropy rate as the reference")
  func words() {
    let corpus = WordCorpus.standard
    #expect(corpus.words.count == 64)
    #expect(
      Array(corpus.words.prefix(10)) == [
        "fefuj", "basoca", "xayeza", "don", "befa", "gajobew", "kerag", "jaja", "he", "sivo",
      ])
    // synth.sample_words(words, T, 80, 11)
    #expect(
      corpus.sampleText(characters: 80, seed: 11)
        == "nuwuqa so qe paxuc vo qe lesamu sosepuf xocazoc basoca xok befa joyagij kuqa go ")
    // Hw = 2.117833040229911 bits/word, L̄ = 5.329462116068994, rate 0.39738213615298623 bits/char
    #expect(abs(corpus.wordEntropyRate - 2.117833040229911) < 1e-12)
    #expect(abs(corpus.meanRenderedLength - 5.329462116068994) < 1e-12)
    #expect(abs(corpus.entropyRate - 0.39738213615298623) < 1e-12)
    for row in corpus.transitions {
      #expect(abs(row.reduce(0, +) - 1) < 1e-12)
      #expect((3...8).contains(row.filter { $0 > 0 }.count))
    }
  }
}

/// The chat corpus against examples made with Curriculum/authoring/synth.py's own generator and word
/// chain (argmax successors with numpy), at authoring time.
@Suite("Chat corpus")
struct ChatCorpusTests {
  @Test("the first examples of seeds 21 and 22 match the Python reference, tasks A and B")
  func examples() {
    let a = ChatCorpus(task: .replyToLastWord)
    let b = ChatCorpus(task: .mapEveryWord)
    #expect(
      a.examples(count: 3, seed: 21) == [
        "poh paxuc covadam>qep\n", "befa gajobew taqogut qexu>xecoxa\n", "cecuru fam qodup jaja>bibohi\n",
      ])
    #expect(
      b.examples(count: 3, seed: 21) == [
        "poh paxuc covadam>paxuc vo qep\n", "befa gajobew taqogut qexu>gajobew taqogut so xecoxa\n",
        "cecuru fam qodup jaja>sosepuf joyagij jaja bibohi\n",
      ])
    #expect(
      a.examples(count: 3, seed: 22) == [
        "basoca xok nuwuqa xan>he\n", "go kac qap qodup>jaja\n", "qe lesamu>waxozaq\n",
      ])
    #expect(b.examples(count: 1, seed: 22) == ["basoca xok nuwuqa xan>xok gi so he\n"])
  }

  @Test("tokens and the reply mask: after '>' up to and including the newline")
  func mask() {
    let tokens = ChatCorpus.encode("qe lesamu>waxozaq\n")
    #expect(tokens.count == 18)
    #expect(tokens[9] == 27 && tokens[17] == 28)
    let mask = ChatCorpus.replyMask(tokens)
    #expect(mask == (0..<18).map { $0 >= 10 })
  }
}

/// The exact optimum of the training checks' scoring windows, against the forward filter of
/// Curriculum/lstm/authoring/reference_values.py (numpy) at authoring time.
@Suite("Corpus W optimum")
struct WordCorpusOptimumTests {
  @Test("1024 windows of 64 inputs of the validation text score at best 0.39686457130708347 bits/char")
  func standard() {
    let text = WordCorpus.standard.sampleText(characters: 100_000, seed: 12)
    let bits = WordCorpus.standard.optimalBits(text: text, windows: 1024)
    #expect(abs(bits - 0.39686457130708347) < 1e-12, "\(bits)")
  }
}
