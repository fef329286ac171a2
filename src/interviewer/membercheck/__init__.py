"""Member check: respondents approve their transcript before it is analysed.

Per session an approval record (``model.ApprovalRecord``) with an audit trail: the exact
version sent (text, sha256 and the docx itself), reminders, every returned version, the
change report and the researcher's decision; the accepted final text then feeds the coding
document, the matrices and the REFI-QDA project (``exporting``).
"""
