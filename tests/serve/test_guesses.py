"""Wrong edit tokens per address (`serve.guesses`): the token cannot be guessed fast."""

from __future__ import annotations

from newsmoa.serve.guesses import Guesses


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_address_waits_once_it_sent_too_many_wrong_tokens():
    clock = Clock()
    guesses = Guesses(limit=3, window=60.0, clock=clock)
    for _ in range(3):
        assert guesses.wait("1.2.3.4") == 0.0
        guesses.wrong("1.2.3.4")
        clock.now += 10.0  # wrong tokens at 1000, 1010, 1020
    assert guesses.wait("1.2.3.4") == 30.0  # until the first is a minute old (1060)
    assert guesses.wait("5.6.7.8") == 0.0  # another address is not held back
    clock.now = 1060.0
    assert guesses.wait("1.2.3.4") == 0.0  # two left within the minute
    guesses.wrong("1.2.3.4")
    assert guesses.wait("1.2.3.4") == 10.0  # the one at 1010 ages out at 1070


def test_it_remembers_a_bounded_number_of_addresses():
    clock = Clock()
    guesses = Guesses(limit=1, window=60.0, hosts=2, clock=clock)
    for host in ("a", "b", "c"):
        guesses.wrong(host)
    assert guesses.wait("a") == 0.0  # forgotten: the oldest of three, with room for two
    assert guesses.wait("b") == 60.0 and guesses.wait("c") == 60.0
    clock.now += 61.0
    assert guesses.wait("b") == 0.0 and guesses.wait("c") == 0.0
    assert not guesses._wrong  # an address is forgotten once its wrong tokens age out
