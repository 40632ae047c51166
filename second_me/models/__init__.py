"""Local models: the llama.cpp runtime, default model discovery, GGUF conversion, fakes."""
