"""surveys' models, split by subject: the survey and its questions, responses, check-ins."""

from .checkins import CheckInCount, CheckInReceipt
from .codes import AnswerCode, AnswerCodeBatch
from .responses import Answer, ResultRelease, SubmissionToken, SurveyResponse
from .surveys import Question, QuestionOption, ReviewComment, Round, Survey

__all__ = [
    "Answer",
    "AnswerCode",
    "AnswerCodeBatch",
    "CheckInCount",
    "CheckInReceipt",
    "Question",
    "QuestionOption",
    "ResultRelease",
    "ReviewComment",
    "Round",
    "SubmissionToken",
    "Survey",
    "SurveyResponse",
]
