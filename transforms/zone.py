"""The time zone gridpay assumes when nothing names one: the one place it is written.

It is the default of two settings that are kept apart on purpose. The zone of survey times (which
month an answer belongs to) is a pay rule: the policy's `survey.timezone`, this zone when a policy
names none (every policy before the key), so that `gridpay audit` replays a month the same way on
any machine. The zone of the monthly schedule is an operating setting: GRIDPAY_TIMEZONE, this zone
when unset."""
DEFAULT_TIMEZONE = "Asia/Shanghai"
