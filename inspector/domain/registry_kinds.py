"""The registry's kinds and roles as plain enums, apart from its pydantic records.

``inspector.domain.templates`` (a checklist item shown for some staff roles) and screens that only
name a kind need these and not the record models, whose building costs a command that never
touches the registry (``templates list``, ``bench/cli.py``). ``inspector.domain.registry``
re-exports them: import them from either.
"""

from __future__ import annotations

from enum import StrEnum


class RegistryKind(StrEnum):
    UNITS = "units"
    VEHICLES = "vehicles"
    STAFF = "staff"
    LOCATIONS = "locations"


class UnitKind(StrEnum):
    DEPOT = "depot"  # 总站
    CONTRACTOR = "contractor"  # 外委单位 (property, security, cleaning contractors)
    DEPARTMENT = "department"  # 职能部门
    SITE = "site"  # 物业项目 / 服务大厅


class StaffRole(StrEnum):
    DRIVER = "driver"  # 驾驶员
    CONDUCTOR = "conductor"  # 乘务员
    GUARD = "guard"  # 保安
    CCTV_OPERATOR = "cctv_operator"  # 监控值守
    CLEANER = "cleaner"  # 保洁
    RECEPTIONIST = "receptionist"  # 接待/收发/会议服务
    MAINTENANCE = "maintenance"  # 维修
    STATION_STAFF = "station_staff"  # 站务/调度
    MANAGER = "manager"  # 管理人员
