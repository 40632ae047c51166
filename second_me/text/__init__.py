"""Language helpers shared by memory, retrieval and storage: words and their forms, sentences,
what an utterance is (a question, a request, a statement), and the support check that keeps
what second-me writes to what its memories say."""
