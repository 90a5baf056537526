#!/usr/bin/env python3
"""Deterministic generator of N realistic Vietnamese bulletins for the `publish` benchmark.

Usage:
    python benchmarks/make_corpus.py OUTDIR N [--seed S] [--layout publish|hugo|pelican|eleventy]
                                     [--photos]

The text model comes from /work/shared/bench/make_corpus.py (same vocabulary, same per-bulletin RNG
seeded with (seed, i), so the corpus for N=1000 is the first 1000 bulletins of N=10000). The
`publish` layout writes a whole project: site.toml and content/pages/ copied from this repository,
bulletins with our front matter (id, approved_by, cover, cover_alt) in content/bai-viet/, and a few
small JPEGs in content/images/ that covers and body images reuse. The other layouts write the same
bodies in the shape Hugo, Pelican and Eleventy expect, for the peer comparison in build.py.
Needs Pillow (in the project venv) for the images.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import unicodedata
from pathlib import Path

TZ = dt.timezone(dt.timedelta(hours=7))
EPOCH = dt.datetime(2022, 1, 3, 7, 0, tzinfo=TZ)

CATEGORIES = [
    "canh-bao-toi-pham",
    "an-ninh-trat-tu",
    "phong-trao-toan-dan",
    "cai-cach-hanh-chinh",
    "ket-qua-cong-tac",
    "tiep-nhan-phan-anh",
]

# province -> localities (ward/commune, district/city) inside it
PLACES = {
    "Hà Nội": [
        "phường Hàng Bông, quận Hoàn Kiếm",
        "phường Láng Thượng, quận Đống Đa",
        "phường Dịch Vọng Hậu, quận Cầu Giấy",
        "xã Tân Lập, huyện Đan Phượng",
        "thị trấn Đông Anh, huyện Đông Anh",
        "phường Phúc La, quận Hà Đông",
    ],
    "TP Hồ Chí Minh": [
        "phường Bến Nghé, Quận 1",
        "phường 12, quận Gò Vấp",
        "phường Hiệp Bình Chánh, TP Thủ Đức",
        "phường 15, quận Tân Bình",
        "xã Bình Hưng, huyện Bình Chánh",
    ],
    "Đà Nẵng": [
        "phường Hòa Khánh Bắc, quận Liên Chiểu",
        "phường Thạc Gián, quận Thanh Khê",
        "phường An Hải Bắc, quận Sơn Trà",
    ],
    "Hải Phòng": ["phường Lạch Tray, quận Ngô Quyền", "xã An Đồng, huyện An Dương"],
    "Cần Thơ": ["phường Xuân Khánh, quận Ninh Kiều", "phường Lê Bình, quận Cái Răng"],
    "Nghệ An": ["phường Lê Lợi, TP Vinh", "xã Diễn Kỷ, huyện Diễn Châu"],
    "Thanh Hóa": ["xã Quảng Thành, huyện Quảng Xương", "phường Điện Biên, TP Thanh Hóa"],
    "Quảng Ninh": ["phường Trần Hưng Đạo, TP Hạ Long", "phường Ka Long, TP Móng Cái"],
    "Bình Dương": ["phường Phú Hòa, TP Thủ Dầu Một", "phường Dĩ An, TP Dĩ An"],
    "Đồng Nai": ["phường Tân Mai, TP Biên Hòa", "xã Phước Thiền, huyện Nhơn Trạch"],
    "Lâm Đồng": ["phường 9, TP Đà Lạt", "phường Lộc Sơn, TP Bảo Lộc"],
    "Thừa Thiên Huế": ["phường Vĩnh Ninh, TP Huế", "phường Thủy Dương, thị xã Hương Thủy"],
    "Khánh Hòa": ["phường Vĩnh Hải, TP Nha Trang", "phường Cam Nghĩa, TP Cam Ranh"],
    "Bắc Ninh": ["phường Đông Ngàn, TP Từ Sơn", "phường Suối Hoa, TP Bắc Ninh"],
    "Hưng Yên": ["xã Nghĩa Trụ, huyện Văn Giang", "phường Hiến Nam, TP Hưng Yên"],
    "Đắk Lắk": ["xã Ea Tu, TP Buôn Ma Thuột", "phường Tân Lợi, TP Buôn Ma Thuột"],
    "Quảng Nam": ["phường Minh An, TP Hội An", "phường An Mỹ, TP Tam Kỳ"],
    "Bà Rịa - Vũng Tàu": ["phường Thắng Tam, TP Vũng Tàu", "phường Phước Trung, TP Bà Rịa"],
}
PROVINCES = list(PLACES)

SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Trịnh",
]
MIDDLES = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Thu", "Hoàng", "Công"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hùng",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Phong",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Việt",
    "Yến",
    "Hiếu",
    "Thắng",
    "Nhung",
    "Đạt",
    "Lực",
]
RANKS = ["Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy"]
POSITIONS = [
    "Trưởng Công an phường",
    "Phó Trưởng phòng Cảnh sát hình sự",
    "Trưởng Công an huyện",
    "Phó Giám đốc Công an tỉnh",
    "Trưởng phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
    "Phó Trưởng phòng Cảnh sát quản lý hành chính về trật tự xã hội",
    "Đội trưởng Đội Cảnh sát điều tra tội phạm về ma túy",
    "Trưởng Công an xã",
]
UNITS = [
    "Phòng Cảnh sát hình sự",
    "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
    "Phòng Cảnh sát điều tra tội phạm về ma túy",
    "Phòng Cảnh sát giao thông",
    "Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
    "Phòng Cảnh sát kinh tế",
    "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
    "Công an quận",
    "Công an huyện",
    "Công an phường",
]
AUTHORS = [
    "Minh Anh",
    "Hoàng Lan",
    "Quốc Việt",
    "Thu Trang",
    "Đức Thắng",
    "Ngọc Hà",
    "Phòng Tham mưu",
    "Ban Biên tập",
]

TAGS = {
    "canh-bao-toi-pham": [
        "lừa đảo qua mạng",
        "an ninh mạng",
        "tín dụng đen",
        "giả danh công an",
        "chiếm đoạt tài sản",
        "mạng xã hội",
        "tài khoản ngân hàng",
        "việc làm nhẹ lương cao",
    ],
    "an-ninh-trat-tu": [
        "trộm cắp tài sản",
        "cướp giật",
        "ma túy",
        "đánh bạc",
        "đua xe trái phép",
        "vũ khí",
        "pháo nổ",
        "truy nã",
        "an toàn giao thông",
        "nồng độ cồn",
    ],
    "phong-trao-toan-dan": [
        "tổ tự quản",
        "camera an ninh",
        "khu dân cư",
        "tuyên truyền pháp luật",
        "thanh thiếu niên",
        "bạo lực học đường",
        "ngày hội toàn dân",
    ],
    "cai-cach-hanh-chinh": [
        "căn cước",
        "định danh điện tử",
        "VNeID",
        "cư trú",
        "dịch vụ công",
        "xuất nhập cảnh",
        "đăng ký xe",
    ],
    "ket-qua-cong-tac": [
        "Tết Nguyên đán",
        "tấn công trấn áp tội phạm",
        "phòng cháy chữa cháy",
        "tai nạn giao thông",
        "đầu thú",
        "mua bán người",
        "buôn lậu",
    ],
    "tiep-nhan-phan-anh": [
        "đường dây nóng",
        "phản ánh kiến nghị",
        "môi trường",
        "lấn chiếm vỉa hè",
        "tiếng ồn",
        "hàng giả",
        "quản lý cư trú",
    ],
}

TITLES = {
    "canh-bao-toi-pham": [
        "Công an {prov} cảnh báo thủ đoạn {scam}",
        "Cảnh giác với chiêu trò {scam} dịp cuối năm",
        "Người dân {prov} bị chiếm đoạt {money} vì tin lời {impostor}",
        "Cảnh báo: xuất hiện thủ đoạn mới {scam}",
        "Nhận diện và phòng tránh {scam}",
    ],
    "an-ninh-trat-tu": [
        "Bắt giữ {n} đối tượng {crime} tại {loc}",
        "Triệt phá đường dây {crime} quy mô lớn ở {prov}",
        "Công an {prov} khởi tố vụ án {crime}, tạm giữ {n} bị can",
        "Truy bắt nhanh đối tượng {crime} trong đêm",
        "Xử lý nghiêm nhóm thanh niên {crime} tại {loc}",
    ],
    "phong-trao-toan-dan": [
        'Ra mắt mô hình "{model}" tại {loc}',
        "Phát động phong trào toàn dân bảo vệ an ninh Tổ quốc năm {year} ở {prov}",
        'Nhân rộng mô hình "{model}" trên địa bàn {prov}',
        "Ngày hội toàn dân bảo vệ an ninh Tổ quốc tại {loc}",
    ],
    "cai-cach-hanh-chinh": [
        "Công an {prov} đẩy mạnh {service} trên môi trường điện tử",
        "Hướng dẫn người dân thực hiện {service} trực tuyến",
        "Rút ngắn thời gian giải quyết hồ sơ {service}",
        "Công an {prov} tổ chức cấp {service} vào ngày nghỉ",
    ],
    "ket-qua-cong-tac": [
        "Kết quả công tác bảo đảm an ninh trật tự {period} tại {prov}",
        "Công an {prov} sơ kết công tác {period}",
        "Tổng kết đợt cao điểm tấn công trấn áp tội phạm {period}",
        "Tai nạn giao thông giảm cả ba tiêu chí trong {period}",
    ],
    "tiep-nhan-phan-anh": [
        "Công an {prov} tiếp nhận {n} phản ánh của người dân qua đường dây nóng",
        "Xử lý phản ánh về tình trạng {issue} tại {loc}",
        "Phản hồi kiến nghị của cử tri về {issue}",
        "Người dân phản ánh {issue}, Công an vào cuộc xác minh",
    ],
}

SCAMS = [
    "giả danh cán bộ công an gọi điện yêu cầu chuyển tiền",
    "tuyển cộng tác viên bán hàng online",
    "mời đầu tư tiền ảo lợi nhuận cao",
    "cài đặt ứng dụng VNeID giả mạo",
    "thông báo trúng thưởng qua tin nhắn",
    "hack tài khoản Zalo để vay tiền",
    "cho vay tín chấp lãi suất thấp qua mạng",
    "giả mạo nhân viên ngân hàng nâng hạn mức thẻ",
]
IMPOSTORS = [
    "kẻ giả danh công an",
    '"nhân viên ngân hàng" giả mạo',
    "người lạ trên mạng xã hội",
    "đối tượng tự xưng là cán bộ tòa án",
    '"chuyên gia đầu tư" trên Telegram',
]
CRIMES = [
    "trộm cắp xe máy",
    "cướp giật tài sản",
    "mua bán trái phép chất ma túy",
    "tổ chức đánh bạc",
    "cho vay lãi nặng",
    "tàng trữ vũ khí thô sơ",
    "gây rối trật tự công cộng",
    "đua xe trái phép",
    "vận chuyển pháo nổ",
]
MODELS = [
    "Camera an ninh khu dân cư",
    "Tổ liên gia an toàn",
    "Khu dân cư không ma túy",
    "Zalo an ninh trật tự",
    "Cổng trường an toàn giao thông",
    "Tuyến phố văn minh",
]
SERVICES = [
    "cấp căn cước",
    "kích hoạt tài khoản định danh điện tử mức độ 2",
    "đăng ký thường trú",
    "cấp hộ chiếu phổ thông",
    "đăng ký, cấp biển số xe",
    "xác nhận thông tin cư trú",
]
PERIODS = [
    "dịp Tết Nguyên đán",
    "quý I",
    "6 tháng đầu năm",
    "dịp nghỉ lễ 30/4 - 1/5",
    "năm",
    "đợt cao điểm hè",
    "tháng cao điểm an toàn giao thông",
]
ISSUES = [
    "lấn chiếm vỉa hè",
    "tụ tập gây ồn ào ban đêm",
    "đổ trộm phế thải",
    "kinh doanh hàng giả",
    "hoạt động cho vay nặng lãi",
    "đỗ xe sai quy định",
    "tiếng ồn từ quán karaoke",
]

HEADINGS = {
    "canh-bao-toi-pham": [
        "Thủ đoạn của các đối tượng",
        "Dấu hiệu nhận biết",
        "Khuyến cáo của cơ quan Công an",
        "Diễn biến vụ việc",
        "Người dân cần làm gì?",
    ],
    "an-ninh-trat-tu": [
        "Diễn biến vụ việc",
        "Quá trình điều tra",
        "Kết quả ban đầu",
        "Xử lý đối tượng",
        "Tang vật thu giữ",
    ],
    "phong-trao-toan-dan": [
        "Cách làm sáng tạo",
        "Hiệu quả bước đầu",
        "Vai trò của người dân",
        "Kế hoạch nhân rộng",
        "Ý kiến của người dân",
    ],
    "cai-cach-hanh-chinh": [
        "Thủ tục cần chuẩn bị",
        "Các bước thực hiện",
        "Kết quả triển khai",
        "Lưu ý khi thực hiện",
        "Hỗ trợ người dân",
    ],
    "ket-qua-cong-tac": [
        "Tình hình an ninh trật tự",
        "Kết quả nổi bật",
        "Tồn tại, hạn chế",
        "Nhiệm vụ trọng tâm thời gian tới",
        "Số liệu cụ thể",
    ],
    "tiep-nhan-phan-anh": [
        "Nội dung phản ánh",
        "Kết quả xác minh",
        "Biện pháp xử lý",
        "Kênh tiếp nhận thông tin",
        "Phản hồi tới người dân",
    ],
}

SENTENCES = {
    "canh-bao-toi-pham": [
        "Các đối tượng thường sử dụng sim rác, tài khoản mạng xã hội ảo để liên lạc với bị hại.",
        'Sau khi tạo được lòng tin, chúng yêu cầu bị hại chuyển tiền vào nhiều tài khoản khác nhau để "xác minh".',
        "Chỉ trong {n} ngày, bà {person} (SN {born}, trú tại {loc}) đã chuyển tổng cộng {money} cho các đối tượng.",
        "Đáng chú ý, các đối tượng nắm rất rõ thông tin cá nhân của bị hại như họ tên, số căn cước và địa chỉ cư trú.",
        "Cơ quan Công an khẳng định không làm việc, không yêu cầu người dân chuyển tiền qua điện thoại.",
        "Nhiều trường hợp bị hại là người cao tuổi, học sinh, sinh viên và người lao động tự do.",
        "Các đối tượng gửi kèm đường link lạ, yêu cầu cài đặt ứng dụng để chiếm quyền điều khiển điện thoại.",
        "Khi phát hiện bị lừa, bị hại cần nhanh chóng liên hệ ngân hàng để phong tỏa tài khoản và trình báo cơ quan Công an gần nhất.",
        "Thủ đoạn này không mới nhưng vẫn có nhiều người dân sập bẫy do thiếu cảnh giác.",
        "{unit} đã xác lập chuyên án, phối hợp với các ngân hàng truy vết dòng tiền.",
    ],
    "an-ninh-trat-tu": [
        "Khoảng {hour} giờ ngày {date}, tổ công tác của {unit} phát hiện {n} đối tượng có biểu hiện nghi vấn.",
        "Qua kiểm tra, lực lượng chức năng thu giữ {n} xe máy, {n2} điện thoại di động cùng nhiều tang vật liên quan.",
        "Tại cơ quan Công an, đối tượng {suspect} (SN {born}, trú tại {loc}) đã khai nhận toàn bộ hành vi phạm tội.",
        "Vụ việc gây hoang mang cho người dân trên địa bàn, ảnh hưởng nghiêm trọng đến an ninh trật tự.",
        "Ngay sau khi tiếp nhận tin báo, {unit} đã huy động lực lượng, khẩn trương truy xét.",
        "Bằng các biện pháp nghiệp vụ, chỉ sau {n} giờ, lực lượng Công an đã xác định được danh tính đối tượng.",
        "Quá trình điều tra mở rộng, cơ quan chức năng phát hiện đối tượng còn thực hiện {n} vụ tương tự.",
        "Hiện vụ việc đang được tiếp tục điều tra, làm rõ để xử lý theo quy định của pháp luật.",
        "Đối tượng có {n} tiền án về tội trộm cắp tài sản, mới chấp hành xong án phạt tù.",
        "Cơ quan Cảnh sát điều tra đã ra quyết định khởi tố vụ án, khởi tố bị can và lệnh bắt tạm giam đối tượng.",
    ],
    "phong-trao-toan-dan": [
        "Mô hình được triển khai từ đầu năm {year} với sự tham gia của {n} hộ gia đình.",
        "Người dân tự nguyện đóng góp kinh phí lắp đặt {n2} camera tại các tuyến ngõ, ngách.",
        "Từ khi có mô hình, tình hình trộm cắp vặt trên địa bàn giảm rõ rệt.",
        "Các tổ tự quản thường xuyên tuần tra, nhắc nhở người dân khóa cửa, cất giữ tài sản cẩn thận.",
        "Phong trào đã thu hút đông đảo đoàn viên, thanh niên và các bậc phụ huynh tham gia.",
        "Công an phường phối hợp với Mặt trận Tổ quốc tổ chức tuyên truyền pháp luật đến từng khu dân cư.",
        "Nhiều tin báo có giá trị từ người dân đã giúp lực lượng Công an kịp thời phát hiện, xử lý vi phạm.",
        "Địa phương sẽ tiếp tục nhân rộng mô hình ra {n} tổ dân phố trong thời gian tới.",
        "Ông {person}, tổ trưởng tổ dân phố, cho biết người dân rất phấn khởi khi khu phố ngày càng bình yên.",
    ],
    "cai-cach-hanh-chinh": [
        "Người dân có thể nộp hồ sơ trực tuyến qua Cổng dịch vụ công hoặc ứng dụng VNeID.",
        "Thời gian giải quyết hồ sơ được rút ngắn từ {n2} ngày xuống còn {n} ngày làm việc.",
        "Trong tháng, đơn vị đã tiếp nhận {big} hồ sơ, trong đó {pct}% được nộp trực tuyến.",
        "Cán bộ tiếp dân hướng dẫn tận tình, giúp người cao tuổi thao tác trên điện thoại thông minh.",
        "Để tránh ùn tắc, Công an tỉnh bố trí thêm điểm tiếp nhận tại trụ sở Công an các xã, phường.",
        "Người dân cần mang theo giấy tờ tùy thân bản chính và kiểm tra kỹ thông tin trước khi nộp.",
        "Việc tích hợp giấy tờ trên ứng dụng VNeID giúp người dân không phải mang nhiều loại giấy tờ.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn đạt {pct}%, không có hồ sơ quá hạn.",
        "Lực lượng Công an tổ chức làm việc cả ngày thứ Bảy, Chủ nhật để phục vụ nhân dân.",
    ],
    "ket-qua-cong-tac": [
        "Trong {period}, tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn cơ bản ổn định.",
        "Lực lượng Công an đã điều tra, làm rõ {big} vụ phạm tội về trật tự xã hội, đạt tỷ lệ {pct}%.",
        "Tai nạn giao thông giảm {pct}% về số vụ so với cùng kỳ năm trước.",
        "Phát hiện, bắt giữ {n} vụ, {n2} đối tượng mua bán, tàng trữ trái phép chất ma túy.",
        "Vận động {n} đối tượng truy nã ra đầu thú, thu hồi nhiều vũ khí, vật liệu nổ.",
        "Xử phạt vi phạm hành chính {big} trường hợp vi phạm nồng độ cồn khi điều khiển phương tiện.",
        "Không để xảy ra cháy, nổ lớn; lực lượng chữa cháy kịp thời cứu nạn, cứu hộ {n} vụ.",
        "Bên cạnh kết quả đạt được, vẫn còn một số hạn chế cần sớm khắc phục.",
        "{rank} {officer} đề nghị các đơn vị tiếp tục nâng cao tinh thần trách nhiệm, không chủ quan, lơ là.",
    ],
    "tiep-nhan-phan-anh": [
        "Thông qua đường dây nóng, Công an tỉnh đã tiếp nhận {big} cuộc gọi, trong đó {n} tin báo về tội phạm.",
        "Ngay sau khi nhận phản ánh, lãnh đạo đơn vị đã chỉ đạo lực lượng tới hiện trường xác minh.",
        "Qua kiểm tra, phản ánh của người dân là đúng sự thật; đơn vị đã lập biên bản, xử phạt theo quy định.",
        "Các phản ánh đều được phân loại, chuyển đến đơn vị có thẩm quyền giải quyết trong vòng {n} giờ.",
        "Người dân có thể phản ánh qua số điện thoại đường dây nóng, fanpage hoặc trực tiếp tại trụ sở Công an.",
        "Thông tin người cung cấp tin báo được giữ bí mật tuyệt đối.",
        "Kết quả xử lý được phản hồi công khai tới người dân trong thời gian sớm nhất.",
        "Nhiều phản ánh có giá trị giúp cơ quan chức năng phát hiện, chấn chỉnh kịp thời các vi phạm.",
        "Ông {person} cho biết vấn đề kéo dài nhiều tháng nay đã được giải quyết dứt điểm.",
    ],
}

COMMON = [
    "Lực lượng Công an khuyến cáo người dân nâng cao cảnh giác, kịp thời cung cấp thông tin khi phát hiện dấu hiệu nghi vấn.",
    "Mọi thông tin liên quan, người dân có thể liên hệ Công an xã, phường nơi gần nhất để được hỗ trợ.",
    "Đây là một trong những nhiệm vụ trọng tâm của lực lượng Công an trong năm {year}.",
    "Công tác phối hợp giữa các đơn vị được duy trì chặt chẽ, nhịp nhàng.",
    "Thời gian tới, đơn vị tiếp tục triển khai đồng bộ các giải pháp bảo đảm an ninh trật tự trên địa bàn.",
]

LIST_ITEMS = {
    "canh-bao-toi-pham": [
        "Không cung cấp mã OTP, mật khẩu cho bất kỳ ai",
        "Không truy cập đường link lạ",
        "Không chuyển tiền cho người chưa rõ danh tính",
        "Kiểm tra kỹ thông tin trước khi giao dịch",
        "Báo ngay cho ngân hàng khi phát hiện giao dịch bất thường",
        "Trình báo cơ quan Công an nơi gần nhất",
    ],
    "an-ninh-trat-tu": [
        "Khóa cổ xe máy và lắp thêm khóa phụ",
        "Không để tài sản có giá trị trên xe",
        "Lắp camera giám sát trước cửa nhà",
        "Cảnh giác khi đi đường vắng vào ban đêm",
        "Gọi 113 khi phát hiện đối tượng khả nghi",
    ],
    "phong-trao-toan-dan": [
        "Tuần tra, canh gác vào ban đêm",
        "Lắp đặt camera tại các tuyến ngõ",
        "Thành lập nhóm Zalo an ninh trật tự",
        "Tuyên truyền pháp luật hằng tháng",
        "Khen thưởng kịp thời tập thể, cá nhân tiêu biểu",
    ],
    "cai-cach-hanh-chinh": [
        "Đăng nhập ứng dụng VNeID bằng tài khoản định danh mức độ 2",
        "Chọn thủ tục cần thực hiện",
        "Kê khai thông tin theo hướng dẫn",
        "Đính kèm ảnh chụp giấy tờ",
        "Nộp lệ phí trực tuyến và theo dõi kết quả",
    ],
    "ket-qua-cong-tac": [
        "Số vụ phạm pháp hình sự giảm so với cùng kỳ",
        "Tỷ lệ điều tra khám phá đạt cao",
        "Tai nạn giao thông giảm cả ba tiêu chí",
        "Không để xảy ra điểm nóng về an ninh trật tự",
        "Hoàn thành chỉ tiêu cấp căn cước",
    ],
    "tiep-nhan-phan-anh": [
        "Đường dây nóng hoạt động 24/7",
        "Fanpage chính thức của Công an tỉnh",
        "Ứng dụng VNeID, mục phản ánh kiến nghị",
        "Hòm thư góp ý tại trụ sở",
        "Tiếp dân trực tiếp vào sáng thứ Năm hằng tuần",
    ],
}

LINKS = [
    ("Cổng dịch vụ công Bộ Công an", "https://dichvucong.bocongan.gov.vn/"),
    ("Cổng thông tin điện tử Bộ Công an", "https://bocongan.gov.vn/"),
    ("Cổng dịch vụ công quốc gia", "https://dichvucong.gov.vn/"),
    ("Văn bản pháp luật", "https://vbpl.vn/"),
]

EMPH = [
    "Cơ quan Công an đề nghị người dân *nâng cao cảnh giác*, **tuyệt đối không chuyển tiền** cho người lạ.",
    "Mọi hành vi vi phạm sẽ bị **xử lý nghiêm theo quy định của pháp luật**.",
    "Các đơn vị được yêu cầu **không chủ quan, lơ là** trong bất kỳ tình huống nào.",
    "Khi có dấu hiệu nghi vấn, người dân cần *kịp thời trình báo* để được hỗ trợ.",
    "Đường dây nóng của Công an tỉnh hoạt động **24/7**, kể cả ngày nghỉ, ngày lễ.",
    "Việc giải quyết thủ tục nay đã *nhanh chóng, an toàn, thuận tiện* hơn nhiều so với trước.",
    "Lãnh đạo đơn vị nhấn mạnh yêu cầu **tăng cường phối hợp** giữa các lực lượng.",
]

QUOTES = [
    "Chúng tôi sẽ xử lý nghiêm mọi hành vi vi phạm pháp luật, không có vùng cấm, không có ngoại lệ.",
    "Người dân chính là tai mắt của lực lượng Công an; mỗi tin báo đều được tiếp nhận và xử lý kịp thời.",
    "Mục tiêu của chúng tôi là người dân được phục vụ nhanh nhất, thuận tiện nhất.",
    "Không có cơ quan Công an nào làm việc qua điện thoại và yêu cầu chuyển tiền, bà con tuyệt đối cảnh giác.",
    "Bình yên của mỗi khu phố bắt đầu từ ý thức của từng hộ gia đình.",
    "Kết quả này là nhờ sự vào cuộc của cả hệ thống chính trị và sự ủng hộ của nhân dân.",
]


def nfc(s: str) -> str:
    """`s` in Unicode NFC."""
    return unicodedata.normalize("NFC", s)


def ascii_slug(text: str, maxlen: int = 60) -> str:
    """A lowercase ASCII slug of `text`, cut at a word under `maxlen`."""
    s = text.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^a-zA-Z0-9]+", "-", s).strip("-").lower()
    if len(s) > maxlen:
        s = s[:maxlen].rsplit("-", 1)[0]
    return s


class Bulletin:
    """One generated bulletin: its metadata and Markdown body, from its own RNG."""

    def __init__(self, seed: str, i: int) -> None:
        self.i = i
        r = self.r = random.Random(f"{seed}:{i}")
        self.category = CATEGORIES[r.randrange(len(CATEGORIES))]
        minutes = i * 97 + r.randrange(60)
        self.date = EPOCH + dt.timedelta(minutes=minutes)
        self.prov = r.choice(PROVINCES)
        self.title = nfc(self.fill(r.choice(TITLES[self.category])))
        self.slug = f"{ascii_slug(self.title)}-{i:05d}"
        pool = TAGS[self.category] + [
            t for k, v in TAGS.items() if k != self.category for t in v[:2]
        ]
        k = r.randint(2, 4)
        tags = r.sample(TAGS[self.category], min(k - 1, len(TAGS[self.category])))
        while len(tags) < k:
            t = r.choice(pool)
            if t not in tags:
                tags.append(t)
        self.tags = [nfc(t) for t in tags]
        self.author = r.choice(AUTHORS)
        self.body, self.summary = self.make_body()

    # -- slot filling -------------------------------------------------------
    def person(self) -> str:
        """A full Vietnamese name."""
        r = self.r
        return f"{r.choice(SURNAMES)} {r.choice(MIDDLES)} {r.choice(GIVEN)}"

    def suspect(self) -> str:
        """A suspect's name, given name abbreviated."""
        r = self.r
        return f"{r.choice(SURNAMES)} {r.choice(MIDDLES)} {r.choice(GIVEN)[0]}."

    def fill(self, tpl: str) -> str:
        """`tpl` with its slots filled from this bulletin's RNG."""
        r = self.r
        slots = {
            "prov": self.prov,
            "loc": r.choice(PLACES[self.prov]),
            "n": r.randint(2, 9),
            "n2": r.randint(10, 45),
            "big": f"{r.randint(120, 9800):,}".replace(",", "."),
            "pct": r.randint(62, 98),
            "year": self.date.year,
            "born": r.randint(1962, 2006),
            "hour": r.randint(0, 23),
            "date": f"{r.randint(1, 28)}/{r.randint(1, 12)}",
            "money": f"{r.randint(2, 950)} triệu đồng"
            if r.random() < 0.8
            else f"{r.randint(1, 12)} tỷ đồng",
            "scam": r.choice(SCAMS),
            "impostor": r.choice(IMPOSTORS),
            "crime": r.choice(CRIMES),
            "model": r.choice(MODELS),
            "service": r.choice(SERVICES),
            "period": r.choice(PERIODS),
            "issue": r.choice(ISSUES),
            "unit": r.choice(UNITS),
            "person": self.person(),
            "suspect": self.suspect(),
            "rank": r.choice(RANKS),
            "officer": self.person(),
        }
        return tpl.format(**slots)

    def paragraph(self, nsent: int) -> str:
        """A paragraph of `nsent` sentences of this bulletin's category."""
        r = self.r
        picks = r.sample(SENTENCES[self.category], nsent)
        picks = [t if r.random() < 0.85 else r.choice(COMMON) for t in picks]
        sents = [self.fill(t) for t in picks]
        if r.random() < 0.35:
            sents.insert(r.randrange(len(sents) + 1), r.choice(EMPH))
        return " ".join(sents)

    def make_body(self) -> tuple[str, str]:
        """(body, summary): sections grown to a random target word count."""
        r = self.r
        target = r.randint(400, 900)
        cat = self.category
        heads = r.sample(HEADINGS[cat], 3)
        lead = self.fill(r.choice(SENTENCES[cat])) + " " + self.fill(r.choice(SENTENCES[cat]))
        summary = lead
        officer = f"{r.choice(RANKS)} {self.person()}, {r.choice(POSITIONS)}"
        link_text, link_url = r.choice(LINKS)
        items = r.sample(LIST_ITEMS[cat], r.randint(3, min(5, len(LIST_ITEMS[cat]))))
        steps = r.sample(LIST_ITEMS[cat], 3)
        img_alt = f"Lực lượng Công an {self.prov} làm nhiệm vụ"
        sections = [
            [f"**{lead}**", self.paragraph(2)],
            [
                f"## {heads[0]}",
                self.paragraph(2),
                self.paragraph(1) + f" Thông tin chi tiết xem tại [{link_text}]({link_url}).",
                "\n".join(f"- {it}" for it in items),
            ],
            [
                f"## {heads[1]}",
                self.paragraph(2),
                f"> {r.choice(QUOTES)} — {officer}.",
                f"![{img_alt}](/images/ban-tin/{BODY_IMAGES[self.i % len(BODY_IMAGES)]})",
                self.paragraph(1),
            ],
            [
                f"## {heads[2]}",
                self.paragraph(2),
                "\n".join(f"{k}. {it}" for k, it in enumerate(steps, 1)),
                self.paragraph(1),
            ],
        ]
        closing = (
            "Mọi thông tin tố giác tội phạm, người dân liên hệ số điện thoại **113** "
            f"hoặc đường dây nóng của Công an {self.prov}. *Tin: {self.author}.*"
        )

        def count() -> int:
            return sum(len(b.split()) for sec in sections for b in sec) + len(closing.split())

        # grow sections (insert before each section's last block) until the target is reached
        k = 0
        while count() < target:
            sec = sections[1 + k % 3]
            sec.insert(len(sec) - 1, self.paragraph(r.randint(1, 3)))
            k += 1
        blocks = [b for sec in sections for b in sec] + [closing]
        body = nfc("\n\n".join(blocks) + "\n")
        return body, nfc(summary)


REPO = Path(__file__).resolve().parents[1]
BODY_IMAGES = ["hien-truong-1.jpg", "hien-truong-2.jpg", "hien-truong-3.jpg", "tuyen-truyen.jpg"]
"""Body images, reused: bulletin i shows BODY_IMAGES[i % 4] under content/images/ban-tin/."""
APPROVERS = [
    "Thượng tá Trần Minh Trí, Trưởng Công an huyện",
    "Trung tá Lê Văn Hòa, Phó Trưởng Công an huyện",
]
SUMMARY_MAX = 280
"""Zalo takes at most 300 characters of description; leads longer than this are shortened."""
PALETTE = [
    (24, 62, 120),
    (160, 32, 40),
    (30, 110, 70),
    (200, 150, 30),
    (90, 60, 130),
    (20, 120, 140),
]


def q(s: str) -> str:
    """YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def shorten(text: str, limit: int = SUMMARY_MAX) -> str:
    """Cut a summary at a word boundary so it fits the Zalo description."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def publish_markdown(b: Bulletin, photos: bool = False) -> str:
    """A bulletin with this project's front matter (with `photos`, its cover is its own photo)."""
    fm = [
        "---",
        f'id: "bt-{b.i:05d}"',
        f"title: {q(b.title)}",
        f"date: {b.date:%Y-%m-%d %H:%M}",
        f"category: {b.category}",
        f"summary: {q(shorten(b.summary))}",
        f"tags: [{', '.join(q(t) for t in b.tags)}]",
        f"author: {q(b.author)}",
    ]
    if b.i % 4:
        fm += [
            f"cover: {photo_path(b) if photos else f'images/ban-tin/{b.category}.jpg'}",
            f"cover_alt: {q(f'Ảnh minh họa: lực lượng Công an {b.prov} làm nhiệm vụ')}",
        ]
    fm += [f"approved_by: {q(APPROVERS[b.i % len(APPROVERS)])}", f"slug: {b.slug}", "---"]
    return "\n".join(fm) + "\n\n" + b.body


def render(b: Bulletin, layout: str, photos: bool = False) -> str:
    """The file text of bulletin `b` for a layout."""
    if layout == "publish":
        return publish_markdown(b, photos)
    date = b.date.isoformat()  # e.g. 2024-03-15T08:30:00+07:00
    if layout == "pelican":
        meta = [
            f"Title: {b.title}",
            f"Date: {date}",
            f"Category: {b.category}",
            f"Tags: {', '.join(b.tags)}",
            f"Summary: {b.summary}",
            f"Author: {b.author}",
            f"Slug: {b.slug}",
        ]
        return "\n".join(meta) + "\n\n" + b.body
    catline = f"categories: [{q(b.category)}]" if layout == "hugo" else f"category: {q(b.category)}"
    fm = [
        "---",
        f"title: {q(b.title)}",
        f"date: {date}",
        catline,
        f"tags: [{', '.join(q(t) for t in b.tags)}]",
        f"summary: {q(b.summary)}",
        f"author: {q(b.author)}",
        f"slug: {q(b.slug)}",
        "---",
    ]
    return "\n".join(fm) + "\n\n" + b.body


def target_path(outdir: str, layout: str, slug: str) -> str:
    """Where a layout keeps bulletin `slug`."""
    if layout in ("hugo", "pelican", "publish"):
        return os.path.join(outdir, "content", "bai-viet", slug + ".md")
    return os.path.join(outdir, "bai-viet", slug + ".md")


def write_image(path: Path, seed: str, color: tuple[int, int, int]) -> None:
    """A small deterministic JPEG (960×640): a gradient with stripes, ~30-60 kB."""
    from PIL import Image, ImageDraw

    r = random.Random(seed)
    image = Image.new("RGB", (960, 640), color)
    draw = ImageDraw.Draw(image)
    for y in range(0, 640, 8):
        shade = tuple(min(255, c + y // 6) for c in color)
        draw.rectangle([0, y, 959, y + 7], fill=shade)
    for _ in range(12):
        x, y = r.randrange(900), r.randrange(600)
        w, h = r.randint(40, 240), r.randint(30, 160)
        draw.rectangle([x, y, x + w, y + h], fill=tuple(r.randrange(256) for _ in range(3)))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=80)


PHOTO_SIZE = (1280, 853)
"""Own cover photos: as a unit's editor uploads them after shrinking a phone picture."""


def photo_path(b: Bulletin) -> str:
    """Where bulletin `b`'s own cover photo lives, relative to content/."""
    return f"images/anh-bia/{b.slug}.jpg"


def write_photo(job: tuple[Path, str]) -> None:
    """One deterministic photo-like JPEG (PHOTO_SIZE, ~65 kB, distinct per bulletin)."""
    from PIL import Image, ImageDraw

    path, seed = job
    r = random.Random(seed)
    width, height = PHOTO_SIZE
    image = Image.new("RGB", PHOTO_SIZE, tuple(r.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = r.randrange(width - 50), r.randrange(height - 50)
        box = [x, y, x + r.randint(20, 400), y + r.randint(20, 300)]
        draw.ellipse(box, fill=tuple(r.randrange(256) for _ in range(3)))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=85)


def write_photos(outdir: str, bulletins: list[Bulletin]) -> None:
    """Every bulletin with a cover gets its own photo (made on every core)."""
    from multiprocessing import Pool

    jobs = [(Path(outdir) / "content" / photo_path(b), f"photo:{b.slug}") for b in bulletins]
    with Pool() as pool:
        pool.map(write_photo, jobs, chunksize=64)


def write_project(outdir: str) -> None:
    """site.toml, pages and images of a `publish` project."""
    root = Path(outdir)
    (root / "content").mkdir(parents=True, exist_ok=True)
    toml = (REPO / "site.toml").read_text("utf-8")
    # The bulletins carry approvals by name (a unit approving before `publish approve`): without
    # this, name_only_approvals' default holds every one and the benchmark builds nothing.
    toml = toml.replace("\n[policy]\n", '\n[policy]\nname_only_approvals = "accept"\n', 1)
    (root / "site.toml").write_text(toml, "utf-8")
    for extra in sorted((REPO / "content").iterdir()):
        if extra.is_file():  # e.g. the radio abbreviation list site.toml names
            shutil.copyfile(extra, root / "content" / extra.name)
    pages = root / "content" / "pages"
    pages.mkdir(exist_ok=True)
    for page in sorted((REPO / "content" / "pages").glob("*.md")):
        shutil.copyfile(page, pages / page.name)
    images = root / "content" / "images"
    names = [f"ban-tin/{c}.jpg" for c in CATEGORIES] + [f"ban-tin/{n}" for n in BODY_IMAGES]
    for k, name in enumerate(names):
        write_image(images / name, f"img:{k}", PALETTE[k % len(PALETTE)])
    write_image(images / "default-cover.jpg", "img:default", (24, 62, 120))


def main() -> None:
    """Write N bulletins in the chosen layout."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("outdir")
    ap.add_argument("n", type=int)
    ap.add_argument(
        "--layout", choices=["publish", "hugo", "pelican", "eleventy"], default="publish"
    )
    ap.add_argument("--seed", default="20250501")
    ap.add_argument(
        "--photos",
        action="store_true",
        help="publish layout: each cover is the bulletin's own photo (as units post them), "
        "not one of a few shared images",
    )
    a = ap.parse_args()
    if a.layout == "publish":
        write_project(a.outdir)
    words = 0
    covered = []
    for i in range(1, a.n + 1):
        b = Bulletin(a.seed, i)
        path = target_path(a.outdir, a.layout, b.slug)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(render(b, a.layout, a.photos))
        words += len(b.body.split())
        if i % 4:
            covered.append(b)
    if a.photos and a.layout == "publish":
        write_photos(a.outdir, covered)
    print(
        f"wrote {a.n} bulletins ({words} body words, {words / max(a.n, 1):.0f}/bulletin) "
        f"to {a.outdir} [layout={a.layout}]"
    )


if __name__ == "__main__":
    main()
