"""Through which outlet or medium each record's words came, normalised.

    patterns.py   what each kind of channel phrase looks like, one regular
                  expression per way news writing names it
    phrases.py    channel phrases in a stretch of text ("as quoted by Reuters",
                  "in a press release", "on Fox News Sunday")
    vocabulary.py one name per outlet or medium ("acceptance speech" -> speech),
                  and whether it is an outlet or a medium
    carry.py      a record's channel from its sentence, or carried from the same
                  speaker's previous quote (an interview goes on)
    occasions.py  an occasion the story names once (a rally, an interview, a
                  show), carried to that speaker's later quotes and the headline
    documents.py  the document a source is, a statement issued, an outlet retold,
                  a roundup's credit

The pipeline's ``channels`` stage calls them in that order.
"""
from quotes.attribution.channels.phrases import Channel, find_channels, outlet_of  # noqa: F401
from quotes.attribution.channels.vocabulary import channel_kind  # noqa: F401
