"""A small action plan for the action-plan tests (a pytest-free helper module): two key
actions, three detailed actions with milestones, updates and statuses."""

from __future__ import annotations

from typing import Any

PLAN: dict[str, Any] = {
    "schema_version": "1",
    "name": "Test plan",
    "start_date": "2022-04-01",
    "outcomes": {"1": "More resilience", "3": "More effective retention"},
    "actions": [
        {
            "code": "1",
            "title": "Use data",
            "detailed_actions": [
                {
                    "code": "1.1",
                    "title": "Measure progress annually",
                    "outcomes": [1, 3],
                    "lead_partners": ["Staffordshire County Council"],
                    "status": "on track",
                    "milestones": [
                        {"title": "Report 2022/23", "due": "2023-03-31", "completed": "2023-03-20"},
                        {"title": "Report 2023/24", "due": "2024-03-31"},
                    ],
                    "updates": [
                        {
                            "date": "2023-03-20",
                            "text": "First report",
                            "status": "on track",
                            "evidence": [{"title": "Board paper", "url": "https://example.org/p"}],
                        },
                    ],
                },
                {
                    "code": "1.2",
                    "title": "Update projections",
                    "outcomes": ["1"],
                    "status": "complete",
                    "milestones": [{"title": "Projections", "due": "2023-01-31"}],
                    "updates": [
                        {"date": "2022-06-01", "text": "Started", "status": "on track"},
                        {"date": "2023-02-10", "text": "Done", "status": "complete"},
                    ],
                },
            ],
        },
        {
            "code": "2",
            "title": "Promote resources",
            "detailed_actions": [
                {
                    "code": "2.1",
                    "title": "Promote the wellbeing hub",
                    "outcomes": [1],
                    "milestones": [{"title": "Campaign", "due": "2022-12-31"}],
                }
            ],
        },
    ],
}
"""The plan as a parsed YAML file would give it (copy it before changing it)."""
