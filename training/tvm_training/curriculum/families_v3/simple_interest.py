"""Simple interest, v3: the interest over several years and the total amount (v2's kinds), the interest
for one year (one step), and the reverse questions: the rate, the number of years or the principal
from the interest; each asked in composed sentences (compose.py) about a savings account or a loan."""
from __future__ import annotations

import random

from ..compose import compose
from ..example import Example, Level
from ..latex import step
from ..names import person, pronoun
from ..phrasing import H, T, num
from ..registry import Templates

# A scene keeps the story together: money saved earns interest, money borrowed is charged it.
# {place}: where the money is; {short}: how the question names it again; {gain}: what the interest does.
SAVE = [("savings account", "account"), ("bank account", "account"), ("term deposit", "deposit"),
        ("credit union account", "account"), ("savings bond", "bond")]
LOAN = [("loan", "loan"), ("car loan", "loan"), ("student loan", "loan"), ("bank loan", "loan"), ("personal loan", "loan")]

# ---------------------------------------------------------------- saving
S_PRINCIPAL = [T("{name} puts ${p} into a {place}."), T("{name} deposits ${p} in a {place}."),
               T("{name} saves ${p} in a {place}."),
               T("{name} invests ${p} in a {place}."), H("{name} opens a {place} with ${p} in it.")]
S_RATE = [T("The {short} pays {r}% simple interest per year."), T("It earns simple interest at {r}% a year."),
          T("The simple interest rate is {r}% per year."), T("The {short} earns {r}% simple interest each year."),
          T("The bank pays simple interest of {r}% per annum."),
          H("Each year the bank adds {r}% of the first deposit as interest.")]
S_TIME = [T("{he} leaves the money there for {t} years."), T("The money stays in the {short} for {t} years."),
          T("{he} keeps it there for {t} years."), T("{he} does not touch it for {t} years."),
          H("For {t} years {name} takes nothing out.")]
S_INTEREST = [T("How much interest does {he} earn?"), T("How much interest has the money earned?"),
              T("Find the interest earned."),
              T("What is the total interest?"), T("Work out the simple interest earned."),
              H("How many dollars of interest does the {short} pay out in that time?")]
S_INTEREST_T = [T("How much interest does {he} earn in {t} years?"), T("What interest does the {short} pay over {t} years?"),
                T("Find the interest earned after {t} years."), T("Calculate the simple interest for {t} years."),
                H("After {t} years, how much has the {short} paid in interest?")]
S_AMOUNT = [T("How much money does {he} have at the end?"), T("What is the total in the {short} then?"),
            T("Find the total amount, deposit plus interest."), T("How much is the {short} worth at the end?"),
            H("What balance does {name} end up with?")]
S_AMOUNT_T = [T("How much money will {he} have after {t} years?"), T("What is the total amount in the {short} after {t} years?"),
              T("Find the balance after {t} years."), T("How much is in the {short} after {t} years?"),
              H("What will the {short} be worth once {t} years have passed?")]
S_YEARLY = [T("How much interest does {he} earn each year?"), T("How much interest does the {short} pay per year?"),
            T("What is the interest for one year?"), T("Find the interest earned in one year."),
            H("By how many dollars does the {short} grow every year?")]
S_EARNED = [T("After {t} years {he} has earned ${i} in simple interest."), T("In {t} years the {short} pays ${i} of interest."),
            T("The interest after {t} years comes to ${i}."), T("Over {t} years {he} earns ${i} in interest."),
            H("Once {t} years are up, the interest totals ${i}.")]
S_EARNED_NO_T = [T("{he} earns ${i} in simple interest."), T("The {short} pays ${i} of interest in all."),
                 T("The total interest comes to ${i}."), T("{name} gets ${i} in interest altogether."),
                 H("All together the interest adds up to ${i}.")]
S_RATE_ASK = [T("What is the yearly interest rate?"), T("What rate of simple interest does the {short} pay?"),
              T("Find the annual interest rate, in percent."), T("What percent per year does the {short} pay?"),
              H("At what yearly percentage is the interest paid?")]
S_YEARS_ASK = [T("For how many years was the money saved?"), T("How many years did {he} leave it there?"),
               T("How long, in years, was the money in the {short}?"), T("Find the number of years."),
               H("How many years passed before the interest reached that amount?")]
S_PRINCIPAL_ASK = [T("How much did {he} put in at the start?"), T("How much money was deposited?"),
                   T("What was the original deposit?"), T("Find the principal."), H("What amount did {name} begin with?")]
S_SOME = [T("{name} puts some money into a {place}."), T("{name} deposits money in a {place}."), T("{name} opens a {place}."),
          T("{name} saves some money in a {place}."), H("{name} has money sitting in a {place}.")]
S_KNOWN_RATE_T = [T("The {short} pays {r}% simple interest per year for {t} years."),
                  T("It earns {r}% simple interest a year for {t} years."),
                  T("{he} leaves it there for {t} years at {r}% simple interest per year."),
                  H("The money sits for {t} years at a simple rate of {r}% per annum.")]

# ---------------------------------------------------------------- borrowing
L_PRINCIPAL = [T("{name} borrows ${p} from a bank."), T("{name} takes out a {place} of ${p}."),
               T("{name} gets a {place} for ${p}."),
               T("A bank lends {name} ${p}."), H("{name} needs ${p} and borrows it as a {place}.")]
L_RATE = [T("The bank charges {r}% simple interest per year."), T("The {short} has a simple interest rate of {r}% a year."),
          T("Simple interest is charged at {r}% per year."), T("The interest rate is {r}% per annum, simple interest."),
          H("Every year the lender adds {r}% of the amount borrowed as interest.")]
L_TIME = [T("{he} pays it all back after {t} years."), T("The {short} lasts {t} years."), T("{he} repays it after {t} years."),
          T("The {short} runs for {t} years."), H("Nothing is paid back until {t} years have gone by.")]
L_INTEREST = [T("How much interest does {he} pay?"), T("How much interest is charged?"), T("Find the interest on the {short}."),
              T("What is the total interest?"), T("Work out the simple interest owed."),
              H("How many dollars does the {short} cost in interest?")]
L_INTEREST_T = [T("How much interest does {he} pay over {t} years?"), T("What is the interest on the {short} after {t} years?"),
                T("Find the interest charged for {t} years."), T("Calculate the simple interest owed after {t} years."),
                H("What does the {short} cost in interest across {t} years?")]
L_AMOUNT = [T("How much does {he} pay back in total?"), T("What is the total amount owed?"),
            T("Find the total to repay, loan plus interest."), T("How much must {he} repay altogether?"),
            H("What sum settles the {short} at the end?")]
L_AMOUNT_T = [T("How much does {he} owe after {t} years?"), T("What is the total amount owed after {t} years?"),
              T("Find the total to repay after {t} years."), T("How much must {he} pay back after {t} years?"),
              H("After {t} years, what sum clears the {short}?")]
L_YEARLY = [T("How much interest does {he} pay each year?"), T("How much interest is charged per year?"),
            T("What is the interest for one year?"), T("Find the yearly interest on the {short}."),
            H("How many dollars of interest are added every year?")]
L_CHARGED = [T("After {t} years {he} has paid ${i} in simple interest."), T("In {t} years the {short} costs ${i} in interest."),
             T("The interest after {t} years comes to ${i}."), T("Over {t} years {he} is charged ${i} in interest."),
             H("Once {t} years are up, the interest owed totals ${i}.")]
L_CHARGED_NO_T = [T("{he} pays ${i} in simple interest."), T("The {short} costs ${i} in interest in all."),
                  T("The total interest comes to ${i}."), T("{name} is charged ${i} in interest altogether."),
                  H("All together the interest adds up to ${i}.")]
L_RATE_ASK = [T("What is the yearly interest rate?"), T("What rate of simple interest does the bank charge?"),
              T("Find the annual interest rate, in percent."), T("What percent per year is charged?"),
              H("At what yearly percentage is the interest charged?")]
L_YEARS_ASK = [T("For how many years was the money borrowed?"), T("How many years did the {short} last?"),
               T("How long, in years, did {he} keep the {short}?"), T("Find the number of years."),
               H("How many years passed before the interest reached that amount?")]
L_PRINCIPAL_ASK = [T("How much did {he} borrow?"), T("How much money was lent?"), T("What was the amount of the {short}?"),
                   T("Find the principal."), H("What sum did {name} borrow to begin with?")]
L_SOME = [T("{name} borrows some money from a bank."), T("{name} takes out a {place}."), T("{name} gets a {place}."),
          T("A bank lends {name} some money."), H("{name} needs cash and borrows it as a {place}.")]
L_KNOWN_RATE_T = [T("The {short} is charged {r}% simple interest per year for {t} years."),
                  T("The bank charges {r}% simple interest a year for {t} years."),
                  T("{he} keeps the {short} for {t} years at {r}% simple interest per year."),
                  H("The money is owed for {t} years at a simple rate of {r}% per annum.")]

# ---------------------------------------------------------------- no story
INTEREST_DIRECT = [T("Find the simple interest on ${p} at {r}% per year for {t} years."),
                   T("What is the simple interest on ${p} for {t} years at {r}% a year?"),
                   T("Calculate the simple interest earned by ${p} in {t} years at {r}% per annum."),
                   T("How much simple interest does ${p} earn in {t} years at a rate of {r}% per year?"),
                   H("At {r}% a year simple interest, what interest is due on ${p} after {t} years?")]
AMOUNT_DIRECT = [T("What does ${p} grow to in {t} years at {r}% simple interest per year?"),
                 T("Find the total amount after {t} years when ${p} earns {r}% simple interest a year."),
                 T("How much is ${p} worth after {t} years at {r}% per annum simple interest?"),
                 H("With {r}% yearly simple interest, what total will ${p} reach by the end of {t} years?")]
YEARLY_DIRECT = [T("What is one year's simple interest on ${p} at {r}% per year?"),
                 T("Find the interest for one year on ${p} at {r}% a year."),
                 T("How much interest does ${p} earn in a year at {r}%?"),
                 H("At {r}% per annum, how much interest accrues on ${p} in twelve months?")]
RATE_DIRECT = [T("${p} earns ${i} simple interest in {t} years. What is the yearly rate?"),
               T("At what yearly rate of simple interest does ${p} earn ${i} in {t} years?"),
               T("Find the annual rate if ${p} earns ${i} in simple interest over {t} years."),
               H("Simple interest of ${i} is paid on ${p} across {t} years. Which percentage per year was used?")]
YEARS_DIRECT = [T("How many years does it take ${p} to earn ${i} at {r}% simple interest per year?"),
                T("${p} earns {r}% simple interest a year. After how many years is the interest ${i}?"),
                T("Find the number of years for ${p} at {r}% a year to earn ${i} in simple interest."),
                H("In how many years will {r}% yearly simple interest on ${p} come to ${i}?")]
PRINCIPAL_DIRECT = [T("What amount earns ${i} in simple interest in {t} years at {r}% per year?"),
                    T("How much must be invested at {r}% simple interest a year to earn ${i} in {t} years?"),
                    T("Find the principal that earns ${i} in {t} years at {r}% simple interest per year."),
                    H("Which deposit gives ${i} of simple interest after {t} years at {r}% a year?")]


def _forms(kind: str, s: bool) -> list:
    """The forms of one kind in the saving (s) or the borrowing story."""
    principal, rate, time = (S_PRINCIPAL, S_RATE, S_TIME) if s else (L_PRINCIPAL, L_RATE, L_TIME)
    if kind == "interest":
        ask, ask_t = (S_INTEREST, S_INTEREST_T) if s else (L_INTEREST, L_INTEREST_T)
        return [[principal, rate, time, ask], [principal, rate, ask_t], [INTEREST_DIRECT]]
    if kind == "amount":
        ask, ask_t = (S_AMOUNT, S_AMOUNT_T) if s else (L_AMOUNT, L_AMOUNT_T)
        return [[principal, rate, time, ask], [principal, rate, ask_t], [AMOUNT_DIRECT]]
    if kind == "yearly":
        return [[principal, rate, S_YEARLY if s else L_YEARLY], [YEARLY_DIRECT]]
    earned, earned_no_t = (S_EARNED, S_EARNED_NO_T) if s else (L_CHARGED, L_CHARGED_NO_T)
    if kind == "rate":
        ask = S_RATE_ASK if s else L_RATE_ASK
        return [[principal, earned, ask], [principal, time, earned_no_t, ask], [RATE_DIRECT]]
    if kind == "years":
        return [[principal, rate, earned_no_t, S_YEARS_ASK if s else L_YEARS_ASK], [YEARS_DIRECT]]
    some, known = (S_SOME, S_KNOWN_RATE_T) if s else (L_SOME, L_KNOWN_RATE_T)
    return [[some, known, earned_no_t, S_PRINCIPAL_ASK if s else L_PRINCIPAL_ASK], [PRINCIPAL_DIRECT]]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    name = person(rng)
    r = rng.choice([2, 3, 4, 5, 6, 8, 10, 12])
    p = rng.randint(1, max(2, lv.max_big // 50)) * 100
    t = rng.randint(2, 10)
    kind = rng.choice(["interest", "interest", "amount", "amount", "yearly", "rate", "years", "principal"])
    interest = p * r // 100 * t
    saving = rng.random() < 0.6
    place, short = rng.choice(SAVE if saving else LOAN)
    slots = {"name": name, "he": pronoun(name), "p": p, "r": r, "t": num(t, rng), "i": interest, "place": place, "short": short}
    steps: list[str] = []
    if kind in ("interest", "amount", "yearly"):
        # v2's lines: the principal times the rate, over 100 (one year's interest), times the years.
        line, prod = step(p, "*", r)
        steps.append(line)
        line, yearly = step(prod, "/", 100)
        steps.append(line)
        answer = yearly
        if kind != "yearly":
            line, answer = step(yearly, "*", t)
            steps.append(line)
        if kind == "amount":
            line, answer = step(p, "+", interest)
            steps.append(line)
    elif kind == "rate":
        # One year's interest, as a percent of the principal.
        line, yearly = step(interest, "/", t)
        steps.append(line)
        line, prod = step(yearly, "*", 100)
        steps.append(line)
        line, answer = step(prod, "/", p)
        steps.append(line)
    elif kind == "years":
        line, prod = step(p, "*", r)
        steps.append(line)
        line, yearly = step(prod, "/", 100)
        steps.append(line)
        line, answer = step(interest, "/", yearly)
        steps.append(line)
    else:
        # One year's interest is r% of the principal.
        line, yearly = step(interest, "/", t)
        steps.append(line)
        line, prod = step(yearly, "*", 100)
        steps.append(line)
        line, answer = step(prod, "/", r)
        steps.append(line)
    q = compose(rng, _forms(kind, saving), which, **slots)
    return Example("simple_interest", q, steps, f"{answer}\\%" if kind == "rate" else str(answer), {"kind": kind})
