"""Pseudonymisation: the study's replacement list, the anonymised code list, citations.

Real names of people, teams and places typed in notes are replaced (whole words, case
insensitive) by pseudonyms such as "Gemeente A" or "[naam]" in every export; the key file
(code -> name, function, contact) stays in the data folder and never goes into an export.
"""
