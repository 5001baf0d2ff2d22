import sys

from quotes.training.tagger.train import main

sys.exit(main())
