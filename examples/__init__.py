"""The example community (examples/inbox: 天井湖社区's four grids, five workers and one 问卷星 download of
October 2026), shipped in the wheel so that `gridpay init --example` gives a newcomer without a clone the
README's walkthrough; remade by scripts/make_example_inbox.py."""
