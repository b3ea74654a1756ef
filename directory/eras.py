"""Years as Thai people write them: the Buddhist Era (พ.ศ.) runs 543 years ahead of the Common Era.

Below the services, the schemas and the pages alike, so that each reads and writes a year one way.
"""
BUDDHIST_ERA_OFFSET = 543


def common_era(year, earliest, latest):
    """`year` in the Common Era: a year that lies from earliest to latest once the offset is taken off
    (2553 for 2010) is read as Buddhist Era; any other is returned as it is, for the caller to judge."""
    if earliest + BUDDHIST_ERA_OFFSET <= year <= latest + BUDDHIST_ERA_OFFSET:
        return year - BUDDHIST_ERA_OFFSET
    return year
