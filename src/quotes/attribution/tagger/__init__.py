"""The learned tagger, in its seams: ``features`` (what it reads of each word,
with the word lists frozen in ``lexicon``), ``model`` (the BiLSTM and seed
ensembles), ``decoding`` (Viterbi over BIO labels), ``loading`` (the shipped
``bundled/tagger.pt``) and ``spans`` (labels into candidates).  Training lives
apart, in ``quotes.training.tagger``."""
